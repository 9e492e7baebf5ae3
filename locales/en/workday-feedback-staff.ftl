# Client feedback (issue 20), as staff see it.
feedback-from-client = Feedback from the client
stats-metric-ratings = Ratings of the help by clients (1–5)
