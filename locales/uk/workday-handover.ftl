# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Повідомлення служби
thread-handed-to = Ваше звернення передано до { $service }. Відтепер вам відповідає ця служба, тут, з тим самим кодом квитанції.
