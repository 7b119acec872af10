// Operator console browser tests (headless Chromium).
