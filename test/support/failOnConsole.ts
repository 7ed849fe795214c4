// A stray console call in code under test fails the test: output belongs to the CLI's own writer.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
for (const method of methods) {
  jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    throw new Error(`console.${method} called during a test: ${args.map(String).join(' ')}`);
  });
}
