# Asiakkaiden palaute (issue 20), työntekijöiden näkymät.
feedback-from-client = Asiakkaan palaute
stats-metric-ratings = Asiakkaiden arviot avusta (1–5)
