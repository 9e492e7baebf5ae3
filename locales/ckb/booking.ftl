# Status: draft, needs review by a native speaker
## نۆرە: پەڕەکانی سەردانکەران

booking-link = پێت باشترە کاتێک بۆ پەیوەندیی تەلەفۆنی بگریت، یان بچیتە ناو گرووپێکەوە؟ لێرە نۆرە بگرە.
booking-title = نۆرە گرتن: { $service }
booking-intro = کاتێکی بەتاڵ یان گرووپێک هەڵبژێرە. پێویست ناکات ناوت بڵێیت. ئەوەی لێرە دەینووسیت شفرە دەکرێت، بە شێوەیەک کە تەنها ڕاوێژکارانی ئەم خزمەتگوزارییە دەتوانن بیخوێننەوە.
booking-zone-note = کاتەکان بە کاتی ناوخۆیین ({ $city }).
booking-zone-note-finland = کاتەکان بە کاتی فینلاندن.
booking-zone-note-utc = کاتەکان بە کاتی جیهانین (UTC).
booking-choose = کات
booking-times = کاتەکانی پەیوەندیی تەلەفۆنی
booking-choose-group = گرووپ
booking-none-free = لە ئێستادا هیچ کاتێکی بەتاڵ بۆ نۆرە گرتن نییە.
booking-none-free-title = ئێستا هیچ کات یان گرووپێکی بەتاڵ نییە
booking-none-free-later = ڕاوێژکارەکانمان کات و گرووپی نوێ لەم پەڕەیەدا بڵاو دەکەنەوە. تکایە چەند ڕۆژێکی تر دووبارە سەیر بکەرەوە.
booking-none-free-write = دەتوانیت ئێستاش بۆمان بنووسیت: نامەیەک بنێرە
booking-groups = گرووپەکان
booking-seats-free = { $label } ({ $n ->
    [one] یەک شوێنی بەتاڵ
   *[other] { $n } شوێنی بەتاڵ
})
booking-group-detail = { $meetings ->
    [one] یەک کۆبوونەوە
   *[other] { $meetings } کۆبوونەوە
}، { $first } – { $last }، { $free ->
    [one] یەک شوێنی بەتاڵ
   *[other] { $free } شوێنی بەتاڵ
}
booking-group-meetings = کۆبوونەوەکان
booking-group-name-hint = ئەو ناوەی دەتەوێت لە گرووپەکەدا پێی بانگ بکرێیت. هەر ناوێک دەبێت؛ پێویست نییە ناوی ڕاستەقینەت بێت.
booking-group-submit = خۆت لە گرووپەکەدا تۆمار بکە
booking-call = کێ پەیوەندی دەکات؟
booking-call-we_call = ئێمە پەیوەندیت پێوە دەکەین
booking-call-you_call = تۆ پەیوەندیمان پێوە دەکەیت
booking-line-number = ژمارەی هێڵەکەمان: { $phone }
booking-phone = ژمارەی تەلەفۆنەکەت (ئەگەر ئێمە پەیوەندیت پێوە بکەین)
booking-phone-hint = تەنها ڕاوێژکاران دەتوانن بیخوێننەوە. ئەگەر تۆ پەیوەندیمان پێوە دەکەیت، بەتاڵی بهێڵەرەوە.
booking-topic = بابەت (ئارەزوومەندانە)
booking-topic-none = بێ بابەت
booking-submit = ئەم کاتە بگرە
booking-taken = ببورە، کەسێکی تر ئێستا ئەو کاتەی گرت. تکایە کاتێکی تر هەڵبژێرە؛ هەموو ئەوانەی تری نووسیوتە هەڵگیراون.
booking-group-full = ببورە، دوایین شوێنی ئەو گرووپە ئێستا پڕ بووەوە. تکایە گرووپێکی تر یان کاتێک هەڵبژێرە؛ هەموو ئەوانەی تری نووسیوتە هەڵگیراون.
booking-error-choice = کاتێک هەڵبژێرە.
booking-error-group = گرووپێک هەڵبژێرە.
booking-error-call = هەڵبژێرە کێ پەیوەندی دەکات.
booking-error-phone = ژمارەیەکی تەلەفۆن بنووسە کە بتوانین پەیوەندیی پێوە بکەین (تەنها ژمارە، بۆشایی و + - ( ) )، یان هەڵبژێرە کە تۆ پەیوەندیمان پێوە دەکەیت.
booking-error-phone-unused = هەڵتبژاردووە کە تۆ پەیوەندیمان پێوە بکەیت، بۆیە خانەی ژمارەی تەلەفۆن بەتاڵ بهێڵەرەوە.
booking-booked-title = نۆرەکەت گیرا
booking-booked-at = نۆرەکەت لای { $service } پاشەکەوت کرا.
booking-group-booked-title = شوێنێکت لە گرووپەکەدا هەیە
booking-group-booked-at = خۆتۆمارکردنەکەت بۆ { $group } ({ $service }) پاشەکەوت کرا.
booking-time = کات
booking-line = ژمارەی هێڵ
booking-we-call-you-at = لەسەر ئەم ژمارەیە پەیوەندیت پێوە دەکەین: { $phone }
booking-you-call-us = تۆ پەیوەندیمان پێوە دەکەیت
booking-receipt-use = بەم کۆدە دەتوانیت نۆرەکەت ببینیت، بیگۆڕیت بۆ کاتێکی تر یان هەڵیبوەشێنیتەوە، و نامەکانمان بخوێنیتەوە.
booking-group-receipt-use = بەم کۆدە دەتوانیت خۆتۆمارکردنەکەت و کۆبوونەوەکانی گرووپەکە ببینیت، شوێنەکەت هەڵبوەشێنیتەوە، و نامەکانمان بخوێنیتەوە.
booking-manage-open = نۆرەکە ببینە، بیگۆڕە یان هەڵیبوەشێنەوە
booking-manage-title = نۆرەکەت
booking-group-manage-title = شوێنەکەت لە گرووپەکەدا
booking-group = گرووپ
booking-state-booked = گیراوە
booking-state-cancelled = هەڵوەشاوەتەوە
booking-state-moved = گوازراوەتەوە
booking-state-done = ئەنجام دراوە
booking-state-no_show = لە دەست چوو
booking-group-state-booked = تۆمار کراوە
booking-not-current = ئەم نۆرەیە چیتر ناگۆڕدرێت.
booking-move = گواستنەوە بۆ کاتێکی تر
booking-move-submit = نۆرەکە بگوازەرەوە
booking-cancel = هەڵوەشاندنەوەی نۆرە
booking-cancel-hint = کاتەکە بۆ کەسێکی تر بەتاڵ دەبێتەوە. نامەکانت دەمێننەوە.
booking-cancel-submit = نۆرەکە هەڵبوەشێنەوە
booking-group-cancel = هەڵوەشاندنەوەی شوێنەکەت
booking-group-cancel-hint = شوێنەکەت بۆ کەسێکی تر بەتاڵ دەبێتەوە. نامەکانت دەمێننەوە.
booking-group-cancel-submit = شوێنەکەم هەڵبوەشێنەوە
booking-cancelled-notice = نۆرەکەت هەڵوەشایەوە.
booking-group-cancelled-notice = شوێنەکەت لە گرووپەکەدا هەڵوەشایەوە.
booking-moved-notice = نۆرەکەت گوازرایەوە.
booking-back-to-thread = گەڕانەوە بۆ نامەکانت
booking-doc-moved = نۆرەکە گوازرایەوە بۆ { $when }.
booking-doc-cancelled = نۆرەکە هەڵوەشایەوە.
booking-line-we_call-client = کاتەکەت: { $when }. ئێمە پەیوەندیت پێوە دەکەین.
booking-line-you_call-client = کاتەکەت: { $when }. تۆ پەیوەندیمان پێوە دەکەیت.
booking-line-we_call-staff = کاتی گیراو: { $when }. ئێمە پەیوەندی بە سەردانکەرەوە دەکەین.
booking-line-you_call-staff = کاتی گیراو: { $when }. سەردانکەر پەیوەندیمان پێوە دەکات.
booking-line-group-client = شوێنێکت لە گرووپی { $group } هەیە. یەکەم کۆبوونەوە: { $first }، دوایین کۆبوونەوە: { $last }.
booking-line-group-staff = شوێنێک لە گرووپی { $group }. یەکەم کۆبوونەوە: { $first }، دوایین کۆبوونەوە: { $last }.
booking-weekday-1 = دووشەممە
booking-weekday-2 = سێشەممە
booking-weekday-3 = چوارشەممە
booking-weekday-4 = پێنجشەممە
booking-weekday-5 = هەینی
booking-weekday-6 = شەممە
booking-weekday-7 = یەکشەممە

## نۆرە: پەڕەکانی کارمەندان

kind-booking = نۆرە
staff-availability = کاتە بەتاڵەکان
avail-title = کاتە بەتاڵەکان
avail-slots = کاتە بڵاوکراوەکان
avail-slots-caption = کاتە تاکەکان لە ئێستاوە
avail-none = هیچ شتێک بڵاو نەکراوەتەوە.
avail-when = کات
avail-seats = شوێنە گیراوەکان
avail-actions = کردارەکان
avail-remove = سڕینەوە
avail-booked = گیراوە
avail-groups = گرووپەکان
avail-oneoff = بڵاوکردنەوەی یەک کات
avail-weekly = بڵاوکردنەوەی کاتژمێرەکانی کاری هەفتانە
avail-group = بڵاوکردنەوەی گرووپێک
avail-date = ڕۆژ
avail-start = دەست پێدەکات لە
avail-until = کۆتایی دێت لە
avail-minutes = ماوە بە خولەک
avail-slot-minutes = ماوەی هەر کاتێک بە خولەک
avail-capacity = شوێنەکان
avail-weekday = ڕۆژی هەفتە
avail-from-day = لەم ڕۆژەوە (بەتاڵ: ئەمڕۆ)
avail-weeks = بۆ چەند هەفتە
avail-name-fi = ناو بە فینلەندی
avail-name-sv = ناو بە سویدی
avail-name-en = ناو بە ئینگلیزی
avail-first-meeting = ڕۆژی یەکەم کۆبوونەوە
avail-meetings = ژمارەی کۆبوونەوەکان
avail-every-days = ڕۆژەکانی نێوان کۆبوونەوەکان
avail-publish = بڵاوکردنەوە
avail-done-published = بڵاو کرایەوە.
avail-done-removed = کاتەکە سڕایەوە.
avail-error-service = یەکێک لە خزمەتگوزارییەکانت هەڵبژێرە.
avail-error-date = ڕۆژەکە بەم شێوەیە بنووسە: YYYY-MM-DD.
avail-error-time = کاتەکە بەم شێوەیە بنووسە: HH:MM.
avail-error-weekday = ڕۆژێکی هەفتە هەڵبژێرە.
avail-error-minutes = ماوەکە دەبێت 5 تا 600 خولەک بێت.
avail-error-capacity = شوێنەکان دەبێت 1 تا 500 بن.
avail-error-weeks = هەفتەکان دەبێت 1 تا 52 بن.
avail-error-meetings = کۆبوونەوەکان دەبێت 1 تا 52 بن.
avail-error-every = ڕۆژەکانی نێوان کۆبوونەوەکان دەبێت 1 تا 366 بن.
avail-error-until = کاتژمێرەکانی کار دەبێت دوای دەستپێکردنیان کۆتاییان بێت.
avail-error-no-slots = ئەم کاتژمێرانەی کار هیچ کاتێک لە داهاتوودا نادەن.
avail-error-no-such-time = ئەو کاتە لەو ڕۆژەدا نییە یان دوو جار دێت (بەهۆی گۆڕینی کاتژمێر). کاتێکی تر هەڵبژێرە.
avail-error-past = ئەو کاتە تێپەڕیوە.
avail-error-group-name = ناوێک بە هەر سێ زمانەکە بۆ گرووپەکە بنووسە (زۆرترین 100 پیت).
avail-error-raced = کەسێک ئێستا ئەم کاتەی گرت، بۆیە هیچ شتێک نەسڕایەوە. تکایە دووبارە هەوڵ بدەرەوە.
avail-error-confirm = هیچ شتێک نەسڕایەوە: ئەم کاتە گیراوە، و سڕینەوەی نۆرەکە هەڵدەوەشێنێتەوە. بۆ سڕینەوە، نیشانە لە «دڵنیام» بدە.
avail-error-unreadable = ئەم کاتە پێش ئەوەی بتوانیت دۆسیەکەی بکەیتەوە گیراوە، بۆیە ناکرێت ئاگاداری سەردانکەرەکە بکرێتەوە. هیچ شتێک نەگۆڕا: داوا لە هاوکارێک بکە کە دەتوانێت بیکاتەوە.
avail-remove-booked = بیسڕەوە و نۆرەکانی هەڵبوەشێنەوە
avail-done-removed-booked = کاتەکە سڕایەوە. نۆرەکانی هەڵوەشانەوە، و هەر سەردانکەرێک نامەیەکی لەسەری هەیە.
avail-doc-removed = ناچار بووین نۆرەکەت بۆ { $when } هەڵبوەشێنینەوە: ئەو کاتە چیتر بەردەست نییە. تکایە کاتێکی تر بگرە یان لێرە بۆمان بنووسە.
booking-weekday-long-1 = دووشەممە
booking-weekday-long-2 = سێشەممە
booking-weekday-long-3 = چوارشەممە
booking-weekday-long-4 = پێنجشەممە
booking-weekday-long-5 = هەینی
booking-weekday-long-6 = شەممە
booking-weekday-long-7 = یەکشەممە

## نۆرە: خشتەی ڕاوێژکار

staff-schedule = خشتە
schedule-title = خشتە
schedule-nav = جووڵە لە خشتەکەدا
schedule-previous = پێشتر
schedule-next = دواتر
schedule-day = یەک ڕۆژ
schedule-week = هەموو هەفتەکە
schedule-go-to = ڕۆژ
schedule-show = پیشاندان
schedule-week-of = هەفتەی { $first } – { $last }
schedule-none = لەم ماوەیەدا هیچ نۆرەیەک نییە.
schedule-call-we_call = ئێمە پەیوەندی بە سەردانکەرەوە دەکەین
schedule-call-you_call = سەردانکەر پەیوەندیمان پێوە دەکات
schedule-phone = ژمارەی تەلەفۆنی سەردانکەر
schedule-details = وردەکاری
schedule-open-case = کردنەوەی دۆسیە
schedule-mark-done = نیشانەکردن: ئەنجام درا
schedule-mark-no-show = نیشانەکردن: نەهات
schedule-cancel-message = نامە بۆ سەردانکەر دەربارەی هەڵوەشاندنەوە
schedule-cancel-hint = سەردانکەر بە کۆدی بەدواداچوونەکەی دەیخوێنێتەوە. کاتەکە بۆ کەسێکی تر بەتاڵ دەبێتەوە.
schedule-cancel-submit = نۆرەکە هەڵبوەشێنەوە و نامەکە بنێرە
schedule-done-outcome = نۆرەکە نیشانە کرا.
schedule-done-cancelled = نۆرەکە هەڵوەشایەوە و نامەکەت چاوەڕێی سەردانکەرە.
schedule-not-current = کەسێک پێشتر ئەم نۆرەیەی گۆڕیوە، بۆیە هیچ شتێک نەکرا.
schedule-unreadable = ئەم نۆرەیە پێش ئەوەی بتوانیت دۆسیەکەی بکەیتەوە گیراوە، بۆیە لێرەوە ناتوانرێت نامە بۆ سەردانکەرەکە بنێردرێت. هیچ شتێک نەکرا: داوا لە هاوکارێک بکە کە دەتوانێت بیکاتەوە.
schedule-error-summary = نۆرەکە هەڵنەوەشایەوە: سەرەتا نامەیەک بۆ سەردانکەر بنووسە.
schedule-doc-cancelled = ناچار بووین نۆرەکەت بۆ { $when } هەڵبوەشێنینەوە.

## تۆمارکردنی پەیوەندیی تەلەفۆنی

kind-phone = پەیوەندیی تەلەفۆنی
staff-phone = تۆمارکردنی پەیوەندییەک
phone-title = تۆمارکردنی پەیوەندییەکی تەلەفۆنی
phone-intro = پەیوەندییەکە لە جیاتی پەیوەندیکەر تۆمار بکە. وەک هەر داواکارییەکی تر شفرە دەکرێت. پاشان کۆدێکی بەدواداچوون وەردەگریت بۆ ئەوەی بۆ پەیوەندیکەری بخوێنیتەوە، تا بتوانێت بە نووسین بەردەوام بێت.
phone-errors = تکایە ئەمانە بپشکنە
phone-off-duty = ئێستا هیچ یەکێک لە خزمەتگوزارییەکانت لە کاتژمێرەکانی کاردا نییە، بۆیە ناکرێت پەیوەندی تۆمار بکرێت. پەیوەندییەکان لە کاتژمێرەکانی کاری هەفتانەی خزمەتگوزارییەکەدا تۆمار دەکرێن، و تا { $minutes ->
    [one] یەک خولەک
   *[other] { $minutes } خولەک
} دوای کۆتاییهاتنیان.
phone-on-duty = کاتژمێرەکانی کاری ئێستا: { $services }.
phone-error-off-duty = ئەم خزمەتگوزارییە ئێستا لە کاتژمێرەکانی کاردا نییە، بۆیە پەیوەندییەکە تۆمار نەکرا. ئەوەی نووسیوتە لە خوارەوە هەڵگیراوە.
phone-name = ناوی پەیوەندیکەر (ئارەزوومەندانە)
phone-name-hint = تەنها ئەگەر ناوێکی گوت: ئەو ناوەی دەیەوێت پێی بانگ بکرێت.
phone-text = پەیوەندییەکە دەربارەی چی بوو
phone-text-hint = شفرەکراو: تەنها ڕاوێژکارانی خزمەتگوزارییەکە، و پەیوەندیکەر بە کۆدەکە، دەتوانن بیخوێننەوە.
phone-submit = پاشەکەوت بکە و کۆدەکە پیشان بدە
phone-receipt-title = ئەم کۆدە بۆ پەیوەندیکەر بخوێنەوە
phone-saved = پەیوەندییەکە وەک دۆسیەیەکی { $service } پاشەکەوت کرا.
phone-read-out = کۆدەکە بە هێواشی، چوار چوار بخوێنەوە. پەیوەندیکەر بەو کۆدە دەتوانێت لە پەڕەی گەڕانەوە بە کۆد، وەڵامەکانمان بخوێنێتەوە و بۆمان بنووسێت.
phone-shown-once = کۆدەکە تەنها ئەم جارە پیشان دەدرێت. لە هیچ شوێنێک پاشەکەوت ناکرێت و دووبارە پیشان نادرێتەوە.
phone-again = تۆمارکردنی پەیوەندییەکی تر
thread-phone-by = پەیوەندییە تەلەفۆنییەکەت، کە { $name } نووسییەوە
case-phone-by = پەیوەندیی تەلەفۆنی، نووسراوەی { $name }
avail-edit = گۆڕین
avail-edit-title = گۆڕینی کاتێک
avail-edit-now = ئێستا: { $when }
avail-edit-booked = { $count ->
    [one] یەک کەس ئەم کاتەی گرتووە. ئەگەر کاتەکە بگۆڕیت، نۆرەکەی هەڵدەوەشێتەوە و نامەیەک بە کاتە نوێیەکەوە وەردەگرێت.
   *[other] { $count } کەس ئەم کاتەیان گرتووە. ئەگەر کاتەکە بگۆڕیت، نۆرەکانیان هەڵدەوەشێنەوە و هەریەکەیان نامەیەک بە کاتە نوێیەکەوە وەردەگرێت.
}
avail-edit-save = گۆڕانکارییەکە پاشەکەوت بکە
avail-edit-back = گەڕانەوە بۆ کاتە بەتاڵەکان
avail-done-edited = کاتەکە گۆڕدرا.
avail-done-edited-booked = کاتەکە گۆڕدرا. نۆرەکانی هەڵوەشانەوە، و هەر سەردانکەرێک نامەیەکی بە کاتە نوێیەکەوە هەیە.
avail-error-below-taken = ژمارەی شوێنەکان ناتوانێت لە شوێنە گیراوەکان کەمتر بێت.
avail-doc-changed = ناچار بووین نۆرەکەت بۆ { $when } هەڵبوەشێنینەوە: کاتەکە گۆڕدرا بۆ { $new }. دەتوانیت کاتە نوێیەکە یان کاتێکی تر بگریت، یان لێرە بۆمان بنووسیت.
schedule-error-confirm = بۆ هەڵوەشاندنەوەی نۆرەکە، نیشانە لە «دڵنیام» بدە.
