# A case handed to another service, as its client sees it (queue::handover).
thread-handed = رسالة من الخدمة
thread-handed-to = تم تحويل طلبك إلى { $service }. سيجيبونك من الآن فصاعدًا، هنا بنفس رمز الإيصال.
