"""The encrypted site database, its key file, users, audit trail and migrations (DESIGN.md section 4)."""
