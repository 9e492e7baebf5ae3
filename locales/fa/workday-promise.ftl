# زمان پاسخ وعده‌داده‌شده و پاسخ خودکار نخست (پیش‌نویس ترجمه).
promise-check-answer-time = زمان پاسخ
promise-check-within = { $days ->
    [one] ظرف { $days } روز کاری پاسخ می‌دهیم.
   *[other] ظرف { $days } روز کاری پاسخ می‌دهیم.
}
promise-check-waiting-since = در انتظار پاسخ از
promise-thread-auto = پاسخ خودکار از طرف سرویس
