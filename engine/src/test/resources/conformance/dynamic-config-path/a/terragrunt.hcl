# Candidate target.
