// Ink renders only the last frame when CI is set, even to an empty value;
// tests must see what a person in a terminal sees.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
process.env.FORCE_COLOR = '0';
