"""Cases, examinations, findings and the audit trail in a database."""
