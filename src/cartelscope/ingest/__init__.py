"""Getting articles in: sources (files, folders, URLs, feeds, JSONL), HTML cleaning,
language detection and duplicate detection."""
