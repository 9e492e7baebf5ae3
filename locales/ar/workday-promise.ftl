# مدة الرد التي تعد بها الخدمة والرد التلقائي الأول (مسودة ترجمة).
promise-check-answer-time = مدة الرد
promise-check-within = { $days ->
    [zero] نرد خلال { $days } يوم عمل.
    [one] نرد خلال يوم عمل واحد ({ $days }).
    [two] نرد خلال يومي عمل ({ $days }).
    [few] نرد خلال { $days } أيام عمل.
   *[other] نرد خلال { $days } يوم عمل.
}
promise-check-waiting-since = بانتظار الرد منذ
promise-thread-auto = رد تلقائي من الخدمة
