export declare function startXvfb(): Promise<{ display: string; close(): Promise<void> }>
