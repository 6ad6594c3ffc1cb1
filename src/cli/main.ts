// Placeholder until the command-line twin lands in this same change.
process.stdout.write('sqlite-lock-doctor\n');
