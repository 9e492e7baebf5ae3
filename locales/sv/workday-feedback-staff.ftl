# Klienternas respons (issue 20), så som personalen ser den.
feedback-from-client = Respons från klienten
stats-metric-ratings = Klienternas betyg på hjälpen (1–5)
