# A case handed to another service, as its client sees it (queue::handover).
thread-handed = پیام سرویس
thread-handed-to = درخواست شما به { $service } فرستاده شد. از این پس آنها به شما پاسخ می‌دهند، همین‌جا و با همان کد رسید.
