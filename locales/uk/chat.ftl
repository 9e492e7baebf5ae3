# Status: draft, needs review by a native speaker

# Чат: сторінки клієнта.
chat-offer-heading = Чат зараз
chat-open = Консультант може поспілкуватися з вами в чаті просто зараз. Обліковий запис чи ім’я не потрібні.
chat-closed = Чат зараз закритий.
chat-closed-next = Чат зараз закритий. Наступного разу він відкриється: { $when }.
chat-no-one = Чат відкритий, але зараз немає вільного консультанта. Спробуйте ще раз трохи згодом або напишіть повідомлення нижче.
chat-full = Черга в чаті зараз заповнена. Спробуйте пізніше або напишіть повідомлення нижче: ми відповімо письмово.
chat-closed-now = Не вдалося почати чат: він закритий або зараз ніхто не чергує.
chat-name = Як до вас звертатися? (необов’язково)
chat-name-hint = Підійде будь-яке ім’я. Можна залишити порожнім.
chat-start = Почати чат
chat-or-write = Або напишіть повідомлення
chat-title = Чат – { $service }
chat-receipt-hint = Це ваша квитанція. Запишіть її зараз: вона показується лише один раз. З нею ви зможете прочитати цю розмову й пізніші відповіді, а також написати нам знову.
chat-status-next = Ваша черга — наступна.
chat-status-ahead = { $ahead ->
    [1] Перед вами в черзі одна людина.
    [one] Перед вами в черзі { $ahead } людина.
    [few] Перед вами в черзі { $ahead } людини.
    [many] Перед вами в черзі { $ahead } людей.
   *[other] Перед вами в черзі { $ahead } людини.
}
chat-status-usually = Зазвичай чекати доводиться менше { $minutes ->
    [one] { $minutes } хвилини
    [few] { $minutes } хвилин
    [many] { $minutes } хвилин
   *[other] { $minutes } хвилини
}.
chat-status-with = З вами в чаті: { $name }.
chat-status-active = Консультант спілкується з вами в чаті.
chat-waiting-hint = Ви можете писати, поки чекаєте: консультант прочитає це, коли почнеться чат. Якщо сторінка не оновлюється сама, час від часу натискайте «Перевірити нові повідомлення», щоб ми знали, що ви досі тут.
chat-conversation = Розмова
chat-empty = Повідомлень ще немає.
chat-your-message = Ваше повідомлення
chat-message-hint = Щоб надіслати, натисніть «Надіслати». Написане шифрується перед збереженням.
chat-send = Надіслати
chat-check = Перевірити нові повідомлення
chat-sending = Надсилання…
chat-connection-lost = З’єднання перервалося. Ваше повідомлення досі тут: спробуйте надіслати його ще раз.
chat-too-fast = Ви надсилаєте повідомлення дуже швидко. Зачекайте трохи й надішліть ще раз: ваше повідомлення досі тут.
chat-to-written = Вийти з черги й отримати письмову відповідь
chat-end = Завершити чат
chat-you = Ви
chat-counsellor = Консультант
chat-ended-title = Чат завершено
chat-ended = Чат завершено.
chat-ended-by-counsellor = Чат завершено з боку консультанта.
chat-ended-gone = Чат завершився, бо від вас деякий час нічого не надходило.
chat-ended-read-later = Пізніше ви зможете прочитати розмову за квитанцією й написати нам знову.
chat-ended-not-kept = Ця служба не зберігає розмови в чаті, тож прочитати цю розмову ще раз не вийде. Але за квитанцією ви й далі можете написати нам.
chat-written-title = Ваше повідомлення надіслано
chat-written = Служба { $service } відповість вам письмово. Читайте відповідь за квитанцією.
chat-not-started-title = Чат не почався
chat-none-title = Немає відкритого чату
chat-none = У цьому браузері немає відкритого чату. Можливо, він уже завершився, або браузер його не запам’ятав.
chat-draft-kept = Ваш текст (скопіюйте його, щоб не втратити)
chat-link-check = Читати відповіді за квитанцією
chat-link-services = Усі служби
chat-link-service = Назад: { $service }
kind-chat = Чат
topic-chat = Чат

# Сторінки консультанта.
staff-chat = Чат
chat-console-title = Чат
chat-duty = Чергування в чаті
chat-duty-services = Я чергую в чаті для служб
chat-duty-no-services = Ви не належите до жодної служби.
chat-duty-capacity = Скільки чатів я веду одночасно
chat-duty-save = Зберегти чергування
chat-mine = Мої чати
chat-mine-none = У вас немає відкритих чатів.
chat-waiting = У черзі
chat-waiting-none = Ніхто не чекає.
chat-not-on-duty = Ви не чергуєте в чаті. Оберіть свої служби вище, щоб бачити їхню чергу.
chat-waited = { $minutes ->
    [one] чекає { $minutes } хвилину
    [few] чекає { $minutes } хвилини
    [many] чекає { $minutes } хвилин
   *[other] чекає { $minutes } хвилини
}
chat-gone = немає на зв’язку?
chat-take-next = Взяти наступного клієнта
chat-anonymous = Анонімно
chat-console-done-duty = Ваше чергування збережено.
chat-console-done-none-waiting = У черзі немає нікого, кого можна взяти.
chat-console-done-full = У вас уже стільки чатів, скільки ви ведете одночасно.
chat-console-done-taken-by-other = Цього клієнта вже взяв хтось інший.
chat-console-done-ended = Чат завершено.
chat-console-done-handed = Чат передано.
chat-staff-title = Чат: { $name }
chat-back-to-console = Назад до панелі чату
chat-open-case = Відкрити звернення
chat-client = Клієнт
chat-staff-active = Клієнт на зв’язку.
chat-staff-gone = Клієнта деякий час не чути: можливо, людина пішла.
chat-staff-ended = Чат завершено.
chat-staff-ended-client = Клієнт завершив чат.
chat-staff-ended-gone = Чат завершено: клієнт зник.
chat-staff-ended-exit = Клієнт вийшов через швидкий вихід.
chat-staff-handed = Цей чат тепер веде інший консультант.
chat-note = Службова нотатка
chat-note-hint = Нотатки можуть читати лише консультанти служби.
chat-note-save = Зберегти нотатку
chat-note-by = Нотатка: { $name }
chat-hand-over-to = Передати чат консультантові
chat-hand-over = Передати
chat-staff-end = Завершити чат
chat-error-ended = Чат завершено; більше нічого надіслати не можна.
chat-error-hand-over = Не вдалося передати чат: оберіть консультанта, який зараз чергує.
chat-settings-heading = Години роботи чату
chat-settings-link = Години роботи чату: { $service }
chat-settings-title = Налаштування чату – { $service }
chat-settings-hours = Години роботи чату
chat-settings-hours-hint = За часовим поясом служби, у форматі HH:MM (24:00 — північ). Залиште день порожнім, якщо того дня чату немає.
chat-settings-from = З
chat-settings-until = До
chat-settings-queue-max = Скільки людей може чекати в черзі
chat-settings-keep = Зберігати розмову після завершення чату
chat-settings-keep-hint = Якщо не зберігати, повідомлення видаляються після завершення чату; звернення й квитанція клієнта залишаються.
chat-settings-save = Зберегти
chat-settings-saved = Налаштування чату збережено.
chat-settings-error-hours = { $day }: вкажіть обидва часи у форматі HH:MM, початок раніше за кінець.
chat-settings-error-queue = Вкажіть розмір черги числом від 1 до 1000.
audit-action-chat-take = Взято чат
audit-action-chat-end = Завершено чат
audit-action-chat-hand-over = Передано чат
audit-action-chat-settings = Змінено налаштування чату
