// Matching module — see README.md.
