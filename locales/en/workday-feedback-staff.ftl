# Client feedback (issue 20), as staff see it.
feedback-from-client = Feedback from the client
stats-metric-ratings = Clients' ratings of the help (1–5)
