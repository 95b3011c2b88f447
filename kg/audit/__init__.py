"""What the reports promised and what the next ones said: continuity, plan versus actual, their files."""
