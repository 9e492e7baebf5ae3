# Waqtiga jawaabta iyo jawaabta tooska ah (qabyo tarjumaad).
promise-check-answer-time = Waqtiga jawaabta
promise-check-within = { $days ->
    [one] Waxaan ku jawaabnaa { $days } maalin shaqo gudahood.
   *[other] Waxaan ku jawaabnaa { $days } maalmood oo shaqo gudahood.
}
promise-check-waiting-since = Sugaya jawaab tan iyo
promise-thread-auto = Jawaab toos ah oo ka timid adeegga
