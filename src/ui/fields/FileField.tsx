import type { FileParamSpec } from '../../core/params/index.ts';
import { useEditor } from '../EditorContext.tsx';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { FieldShell } from './FieldShell.tsx';

interface FileFieldProps extends FieldProps<FileParamSpec> {
  onUpload: (file: File) => void;
}

export function FileField(props: FileFieldProps) {
  const { spec, value, problem, onUpload } = props;
  const id = fieldId(props);
  const chosen = useEditor((state) => (typeof value === 'string' ? state.files[value] : undefined));

  return (
    <FieldShell id={id} name={spec.name} description={spec.description} problem={problem}>
      <input
        id={id}
        type="file"
        accept={spec.accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onUpload(file);
          event.target.value = '';
        }}
      />
      <p className="file-current">
        {typeof value !== 'string'
          ? 'No file yet.'
          : chosen
            ? `${value} (${(chosen.size / 1024).toFixed(1)} KB)`
            : `${value} — not uploaded in this browser`}
      </p>
    </FieldShell>
  );
}
