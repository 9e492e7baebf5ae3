# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Сообщение службы
thread-handed-to = Ваше обращение передано в { $service }. Теперь вам отвечает эта служба, здесь, с тем же кодом квитанции.
