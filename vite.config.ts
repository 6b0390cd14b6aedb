import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The page is cross-origin isolated so that SharedArrayBuffer exists in the page and its
 * workers: training shares factor matrices between workers without copying them.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * What the built app may load: only its own files. No inline scripts, no eval (WebAssembly
 * compilation aside), no remote origins; workers come from the app itself.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the policy into the built page, so that it holds on any static host. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'recflow-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  // The preview serves the built app as a host should: isolated, and with the policy as a
  // header too, which is what applies to workers.
  preview: {
    headers: {
      ...isolationHeaders,
      'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
    },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // bench/als.html: the ALS benchmark page that `npm run bench:browser` and
    // e2e/parallel.spec.ts drive; not linked from the app.
    rollupOptions: { input: { main: 'index.html', alsBench: 'bench/als.html' } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
