# ماوەی وەڵامدانەوە و وەڵامی خۆکار (ڕەشنووسی وەرگێڕان).
promise-check-answer-time = ماوەی وەڵام
promise-check-within = { $days ->
    [one] لە ماوەی { $days } ڕۆژی کاردا وەڵام دەدەینەوە.
   *[other] لە ماوەی { $days } ڕۆژی کاردا وەڵام دەدەینەوە.
}
promise-check-waiting-since = چاوەڕێی وەڵامە لە
promise-thread-auto = وەڵامی خۆکار لە خزمەتگوزارییەکەوە
