// Reverification tests.
