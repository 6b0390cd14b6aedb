/**
 * Resolves after the thread has had a chance to handle queued messages (such as Stop).
 * A MessageChannel round trip is not throttled the way nested timers are (4 ms each).
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
