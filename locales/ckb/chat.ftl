# Status: draft, needs review by a native speaker

# چاتی ڕاستەوخۆ: پەڕەکانی سەردانکەر.
chat-offer-heading = ئێستا چات بکە
chat-open = ڕاوێژکارێک ئێستا دەتوانێت لەگەڵت چات بکات. پێویستت بە هەژمار یان ناو نییە.
chat-closed = چات ئێستا داخراوە.
chat-closed-next = چات ئێستا داخراوە. جاری داهاتوو لە { $when } دەکرێتەوە.
chat-no-one = چات کراوەیە، بەڵام ئێستا هیچ ڕاوێژکارێک بەتاڵ نییە. کەمێکی تر دووبارە هەوڵ بدەرەوە، یان لە خوارەوە نامەیەک بنووسە.
chat-full = ڕیزی چاوەڕوانیی چات ئێستا پڕە. دواتر دووبارە هەوڵ بدەرەوە، یان لە خوارەوە نامەیەک بنووسە: ئێمە بە نووسین وەڵام دەدەینەوە.
chat-closed-now = چاتەکە دەستی پێنەکرد: یان داخراوە یان ئێستا کەس ئامادە نییە.
chat-name = بە چ ناوێک بانگت بکەین؟ (ئارەزوومەندانە)
chat-name-hint = هەر ناوێک دەبێت. دەتوانیت ئەمە بەتاڵ بهێڵیتەوە.
chat-start = دەستپێکردنی چات
chat-or-write = یان نامەیەک بنووسە
chat-title = چات – { $service }
chat-receipt-hint = ئەمە کۆدی بەدواداچوونەکەتە. ئێستا بینووسەوە: تەنها یەک جار پیشان دەدرێت. بەم کۆدە دەتوانیت ئەم گفتوگۆیە و هەر وەڵامێکی دواتر بخوێنیتەوە، و دووبارە بۆمان بنووسیت.
chat-status-next = تۆ کەسی داهاتوویت لە ڕیزەکەدا.
chat-status-ahead = { $ahead ->
    [one] یەک کەس لە پێش تۆوە لە ڕیزەکەدایە.
   *[other] { $ahead } کەس لە پێش تۆوە لە ڕیزەکەدان.
}
chat-status-usually = زۆربەی جار کەمتر لە { $minutes ->
    [one] { $minutes } خولەک
   *[other] { $minutes } خولەک
} دەخایەنێت.
chat-status-with = تۆ لەگەڵ { $name } چات دەکەیت.
chat-status-active = ڕاوێژکارێک لەگەڵت چات دەکات.
chat-waiting-hint = لە کاتی چاوەڕوانیدا دەتوانیت بنووسیت: ڕاوێژکار کاتێک چاتەکە دەست پێدەکات دەیخوێنێتەوە. ئەگەر ئەم پەڕەیە خۆی نوێ نابێتەوە، جار جارە «پشکنینی نامە نوێیەکان» دابگرە، تا بزانین هێشتا لێرەیت.
chat-conversation = گفتوگۆ
chat-empty = هێشتا هیچ نامەیەک نییە.
chat-your-message = نامەکەت
chat-message-hint = بۆ ناردن، «ناردن» دابگرە. ئەوەی دەینووسیت پێش پاشەکەوتکردن شفرە دەکرێت.
chat-send = ناردن
chat-check = پشکنینی نامە نوێیەکان
chat-sending = دەنێردرێت…
chat-connection-lost = پەیوەندییەکە پچڕا. نامەکەت هێشتا لێرەیە: دووبارە هەوڵی ناردنی بدەرەوە.
chat-too-fast = نامەکان زۆر بە خێرایی دەنێریت. کەمێک چاوەڕێ بکە و دووبارە بینێرەوە: نامەکەت هێشتا لێرەیە.
chat-to-written = ڕیزەکە جێبهێڵە و وەڵامی نووسراو وەربگرە
chat-end = کۆتایی بە چات بهێنە
chat-you = تۆ
chat-counsellor = ڕاوێژکار
chat-ended-title = چاتەکە کۆتایی هات
chat-ended = چاتەکە کۆتایی هات.
chat-ended-by-counsellor = ڕاوێژکار کۆتایی بە چاتەکە هێنا.
chat-ended-gone = چاتەکە کۆتایی هات، چونکە ماوەیەک هیچمان لێت نەبیست.
chat-ended-read-later = دەتوانیت دواتر بە کۆدی بەدواداچوونەکەت گفتوگۆکە بخوێنیتەوە، و دووبارە بۆمان بنووسیت.
chat-ended-not-kept = ئەم خزمەتگوزارییە گفتوگۆکانی چات هەڵناگرێت، بۆیە ناتوانرێت دووبارە بخوێندرێتەوە. بە کۆدی بەدواداچوونەکەت هێشتا دەتوانیت بۆمان بنووسیت.
chat-written-title = نامەکەت نێردرا
chat-written = { $service } بە نووسین وەڵام دەداتەوە. وەڵامەکە بە کۆدی بەدواداچوونەکەت بخوێنەوە.
chat-not-started-title = چاتەکە دەستی پێنەکرد
chat-none-title = هیچ چاتێکی کراوە نییە
chat-none = لەم وێبگەڕەدا هیچ چاتێکی کراوە نییە. لەوانەیە کۆتایی هاتبێت، یان وێبگەڕەکە لەبیری کردبێت.
chat-draft-kept = ئەو دەقەی نووسیت (کۆپیی بکە بۆ ئەوەی بیپارێزیت)
chat-link-check = وەڵامەکان بە کۆدی بەدواداچوون بخوێنەوە
chat-link-services = هەموو خزمەتگوزارییەکان
chat-link-service = گەڕانەوە بۆ { $service }
kind-chat = چات
topic-chat = چات

# لای ڕاوێژکار.
staff-chat = چات
chat-console-title = چات
chat-duty = ئامادەبوون بۆ چات
chat-duty-services = من ئامادەم بۆ چاتی
chat-duty-no-services = تۆ ئەندامی هیچ خزمەتگوزارییەک نیت.
chat-duty-capacity = چەند چات لە یەک کاتدا وەردەگرم
chat-duty-save = ئامادەبوونەکەم پاشەکەوت بکە
chat-mine = چاتەکانم
chat-mine-none = هیچ چاتێکی کراوەت نییە.
chat-waiting = چاوەڕێ دەکەن
chat-waiting-none = کەس چاوەڕێ ناکات.
chat-not-on-duty = تۆ ئامادە نیت بۆ چات. لە سەرەوە خزمەتگوزارییەکانت هەڵبژێرە بۆ بینینی ڕیزەکەیان.
chat-waited = { $minutes ->
    [one] 1 خولەک چاوەڕێی کرد
   *[other] { $minutes } خولەک چاوەڕێی کرد
}
chat-gone = ڕۆیشتووە؟
chat-take-next = سەردانکەری داهاتوو وەربگرە
chat-anonymous = بێناو
chat-console-done-duty = ئامادەبوونەکەت پاشەکەوت کرا.
chat-console-done-none-waiting = کەس چاوەڕێ ناکات کە بتوانرێت وەربگیرێت.
chat-console-done-full = ئێستا ئەوەندە چاتت هەیە کە لە یەک کاتدا وەریدەگریت.
chat-console-done-taken-by-other = کەسێکی تر ئەو سەردانکەرەی وەرگرت.
chat-console-done-ended = چاتەکە کۆتایی پێهێنرا.
chat-console-done-handed = چاتەکە ڕادەست کرا.
chat-staff-title = چات لەگەڵ { $name }
chat-back-to-console = گەڕانەوە بۆ مێزی چات
chat-open-case = کردنەوەی دۆسیە
chat-client = سەردانکەر
chat-staff-active = سەردانکەر لێرەیە.
chat-staff-gone = ماوەیەکە هیچ نیشانەیەک لە سەردانکەر نییە: لەوانەیە ڕۆیشتبێت.
chat-staff-ended = چاتەکە کۆتایی هات.
chat-staff-ended-client = سەردانکەر کۆتایی بە چاتەکە هێنا.
chat-staff-ended-gone = چاتەکە کۆتایی هات: سەردانکەر ڕۆیشتبوو.
chat-staff-ended-exit = سەردانکەر بە دەرچوونی خێرا ڕۆیشت.
chat-staff-handed = ئەم چاتە ئێستا لای ڕاوێژکارێکی ترە.
chat-note = تێبینیی تایبەت
chat-note-hint = تەنها ڕاوێژکارانی خزمەتگوزارییەکە دەتوانن تێبینییەکان بخوێننەوە.
chat-note-save = تێبینییەکە پاشەکەوت بکە
chat-note-by = تێبینیی { $name }
chat-hand-over-to = چاتەکە ڕادەستی ئەم کەسە بکە
chat-hand-over = ڕادەستکردن
chat-staff-end = کۆتایی بە چات بهێنە
chat-error-ended = چاتەکە کۆتایی هاتووە؛ چیتر هیچ شتێک نانێردرێت.
chat-error-hand-over = چاتەکە ڕادەست نەکرا: ڕاوێژکارێک هەڵبژێرە کە ئامادەیە.
chat-settings-heading = کاتەکانی چات
chat-settings-link = کاتەکانی چاتی { $service }
chat-settings-title = ڕێکخستنەکانی چات – { $service }
chat-settings-hours = کاتەکانی چات
chat-settings-hours-hint = بە ناوچەی کاتیی خزمەتگوزارییەکە، بەم شێوەیە: HH:MM (24:00 بۆ نیوەشەو). ئەگەر ڕۆژێک چاتی نییە، بەتاڵی بهێڵەرەوە.
chat-settings-from = لە
chat-settings-until = تا
chat-settings-queue-max = چەند کەس دەتوانن لە ڕیزدا چاوەڕێ بکەن
chat-settings-keep = گفتوگۆکە دوای کۆتاییهاتنی چات هەڵبگرە
chat-settings-keep-hint = ئەگەر هەڵنەگیرێت، نامەکان لە کۆتایی چاتدا دەسڕدرێنەوە؛ دۆسیەکە لەگەڵ کۆدی بەدواداچوونی سەردانکەر دەمێنێتەوە.
chat-settings-save = پاشەکەوت
chat-settings-saved = ڕێکخستنەکانی چات پاشەکەوت کران.
chat-settings-error-hours = { $day }: هەردوو کاتەکە بەم شێوەیە بنووسە: HH:MM، دەستپێک پێش کۆتایی.
chat-settings-error-queue = قەبارەی ڕیزەکە بە ژمارەیەک لە 1 تا 1000 بنووسە.
audit-action-chat-take = چاتێکی وەرگرت
audit-action-chat-end = کۆتایی بە چاتێک هێنا
audit-action-chat-hand-over = چاتێکی ڕادەست کرد
audit-action-chat-settings = ڕێکخستنەکانی چاتی گۆڕی
