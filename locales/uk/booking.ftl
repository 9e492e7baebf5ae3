# Status: draft, needs review by a native speaker

## Запис: клієнти

booking-link = Хочете натомість записатися на дзвінок або приєднатися до групи? Записатися можна тут.
booking-title = Записатися на час: { $service }
booking-intro = Оберіть вільний час або групу. Називати ім’я не потрібно. Те, що ви тут напишете, шифрується так, що прочитати це можуть лише консультанти цієї служби.
booking-zone-note = Час указано за місцевим часом ({ $city }).
booking-zone-note-finland = Час указано за фінським часом.
booking-zone-note-utc = Час указано за UTC.
booking-choose = Час
booking-times = Час для дзвінка
booking-choose-group = Група
booking-none-free = Зараз немає вільного часу для запису.
booking-none-free-title = Зараз немає вільного часу й вільних груп
booking-none-free-later = Наші консультанти додають на цю сторінку новий час і нові групи. Будь ласка, загляньте знову через кілька днів.
booking-none-free-write = Ви також можете написати нам уже зараз: надіслати повідомлення
booking-groups = Групи
booking-seats-free = { $label } ({ $n ->
    [one] { $n } вільне місце
    [few] { $n } вільні місця
    [many] { $n } вільних місць
   *[other] { $n } вільного місця
})
booking-group-detail = { $meetings ->
    [one] { $meetings } зустріч
    [few] { $meetings } зустрічі
    [many] { $meetings } зустрічей
   *[other] { $meetings } зустрічі
}, { $first } – { $last }, { $free ->
    [one] { $free } вільне місце
    [few] { $free } вільні місця
    [many] { $free } вільних місць
   *[other] { $free } вільного місця
}
booking-group-meetings = Зустрічі
booking-group-name-hint = Ім’я, яким вас називатимуть у групі. Підійде будь-яке ім’я; воно не мусить бути справжнім.
booking-group-submit = Записатися до групи
booking-call = Хто телефонує
booking-call-we_call = Ми телефонуємо вам
booking-call-you_call = Ви телефонуєте нам
booking-line-number = Номер нашої лінії: { $phone }
booking-phone = Ваш номер телефону (якщо телефонуємо ми)
booking-phone-hint = Його бачать лише консультанти. Залиште порожнім, якщо телефонуватимете ви.
booking-topic = Тема (необов’язково)
booking-topic-none = Без теми
booking-submit = Записатися на цей час
booking-taken = На жаль, цей час щойно зайняв хтось інший. Будь ласка, оберіть інший; усе інше, що ви ввели, збережено.
booking-group-full = На жаль, останнє місце в цій групі щойно зайняли. Будь ласка, оберіть іншу групу або час; усе інше, що ви ввели, збережено.
booking-error-choice = Оберіть час.
booking-error-group = Оберіть групу.
booking-error-call = Оберіть, хто телефонує.
booking-error-phone = Вкажіть номер, за яким ми можемо зателефонувати (лише цифри, пробіли та + - ( )), або оберіть, що телефонуєте ви.
booking-error-phone-unused = Ви обрали, що телефонуватимете нам, тож залиште поле номера телефону порожнім.
booking-booked-title = Вас записано
booking-booked-at = Ваш запис до служби { $service } збережено.
booking-group-booked-title = У вас є місце в групі
booking-group-booked-at = Ваш запис до групи { $group } ({ $service }) збережено.
booking-time = Час
booking-line = Номер лінії
booking-we-call-you-at = Ми зателефонуємо на номер { $phone }
booking-you-call-us = Ви телефонуєте нам
booking-receipt-use = З цим кодом ви можете переглянути свій запис, перенести чи скасувати його, а також читати наші повідомлення.
booking-group-receipt-use = З цим кодом ви можете переглянути свій запис і зустрічі групи, відмовитися від місця та читати наші повідомлення.
booking-manage-open = Переглянути, перенести чи скасувати запис
booking-manage-title = Ваш запис
booking-group-manage-title = Ваше місце в групі
booking-group = Група
booking-state-booked = Записано
booking-state-cancelled = Скасовано
booking-state-moved = Перенесено
booking-state-done = Відбулося
booking-state-no_show = Пропущено
booking-group-state-booked = Записано
booking-not-current = Цей запис більше не можна змінити.
booking-move = Перенести на інший час
booking-move-submit = Перенести запис
booking-cancel = Скасувати запис
booking-cancel-hint = Час звільниться для когось іншого. Ваші повідомлення залишаться.
booking-cancel-submit = Скасувати запис
booking-group-cancel = Відмовитися від місця
booking-group-cancel-hint = Ваше місце звільниться для когось іншого. Ваші повідомлення залишаться.
booking-group-cancel-submit = Відмовитися від місця
booking-cancelled-notice = Ваш запис скасовано.
booking-group-cancelled-notice = Ваше місце в групі скасовано.
booking-moved-notice = Ваш запис перенесено.
booking-back-to-thread = Назад до ваших повідомлень
booking-doc-moved = Запис перенесено на { $when }.
booking-doc-cancelled = Запис скасовано.
booking-line-we_call-client = Ваш час: { $when }. Ми вам зателефонуємо.
booking-line-you_call-client = Ваш час: { $when }. Ви телефонуєте нам.
booking-line-we_call-staff = Заброньований час: { $when }. Ми телефонуємо клієнтові.
booking-line-you_call-staff = Заброньований час: { $when }. Клієнт телефонує нам.
booking-line-group-client = У вас є місце в групі { $group }. Перша зустріч — { $first }, остання — { $last }.
booking-line-group-staff = Місце в групі { $group }. Перша зустріч — { $first }, остання — { $last }.
booking-weekday-1 = пн
booking-weekday-2 = вт
booking-weekday-3 = ср
booking-weekday-4 = чт
booking-weekday-5 = пт
booking-weekday-6 = сб
booking-weekday-7 = нд

## Запис: працівники

kind-booking = Запис
staff-availability = Вільний час
avail-title = Вільний час і групи
avail-slots = Опублікований час
avail-slots-caption = Окремі часові проміжки від сьогодні
avail-none = Нічого не опубліковано.
avail-when = Час
avail-seats = Зайнято місць
avail-actions = Дії
avail-remove = Видалити
avail-booked = Заброньовано
avail-groups = Групи
avail-oneoff = Опублікувати окремий час
avail-weekly = Опублікувати щотижневе чергування
avail-group = Опублікувати групу
avail-date = День
avail-start = Початок
avail-until = Кінець
avail-minutes = Тривалість у хвилинах
avail-slot-minutes = Тривалість одного проміжку в хвилинах
avail-capacity = Місць
avail-weekday = День тижня
avail-from-day = Починаючи з дня (порожньо: сьогодні)
avail-weeks = Скільки тижнів
avail-name-fi = Назва фінською
avail-name-sv = Назва шведською
avail-name-en = Назва англійською
avail-first-meeting = День першої зустрічі
avail-meetings = Кількість зустрічей
avail-every-days = Днів між зустрічами
avail-publish = Опублікувати
avail-done-published = Опубліковано.
avail-done-removed = Час видалено.
avail-error-service = Оберіть одну зі своїх служб.
avail-error-date = Вкажіть день у форматі YYYY-MM-DD.
avail-error-time = Вкажіть час у форматі HH:MM.
avail-error-weekday = Оберіть день тижня.
avail-error-minutes = Тривалість має бути від 5 до 600 хвилин.
avail-error-capacity = Кількість місць має бути від 1 до 500.
avail-error-weeks = Кількість тижнів має бути від 1 до 52.
avail-error-meetings = Кількість зустрічей має бути від 1 до 52.
avail-error-every = Днів між зустрічами має бути від 1 до 366.
avail-error-until = Чергування має закінчуватися пізніше, ніж починається.
avail-error-no-slots = Це чергування не дає жодного часу в майбутньому.
avail-error-no-such-time = Такого часу не існує або він трапляється двічі цього дня (переведення годинника). Оберіть інший час.
avail-error-past = Цей час уже минув.
avail-error-group-name = Дайте групі назву всіма трьома мовами (не більше 100 символів).
avail-error-raced = Хтось щойно записався на цей час, тому нічого не видалено. Спробуйте ще раз.
avail-error-confirm = Нічого не видалено: на цей час є запис, і видалення скасує його. Щоб видалити, позначте «Підтверджую».
avail-error-unreadable = Запис на цей час зроблено раніше, ніж ви отримали доступ до його звернення, тож клієнтові не вдалося б повідомити. Нічого не змінено: попросіть колегу, який має доступ.
avail-remove-booked = Видалити й скасувати записи
avail-done-removed-booked = Час видалено. Записи на нього скасовано, і кожен клієнт отримав про це повідомлення.
avail-doc-removed = На жаль, нам довелося скасувати ваш запис на { $when }: цей час більше недоступний. Будь ласка, оберіть інший час або напишіть нам тут.
booking-weekday-long-1 = понеділок
booking-weekday-long-2 = вівторок
booking-weekday-long-3 = середа
booking-weekday-long-4 = четвер
booking-weekday-long-5 = п’ятниця
booking-weekday-long-6 = субота
booking-weekday-long-7 = неділя

## Запис: розклад консультанта

staff-schedule = Розклад
schedule-title = Розклад
schedule-nav = Навігація розкладом
schedule-previous = Раніше
schedule-next = Пізніше
schedule-day = Один день
schedule-week = Увесь тиждень
schedule-go-to = День
schedule-show = Показати
schedule-week-of = Тиждень { $first } – { $last }
schedule-none = У цей період записів немає.
schedule-call-we_call = Ми телефонуємо клієнтові
schedule-call-you_call = Клієнт телефонує нам
schedule-phone = Номер телефону клієнта
schedule-details = Подробиці
schedule-open-case = Відкрити звернення
schedule-mark-done = Позначити як виконане
schedule-mark-no-show = Позначити як пропущене
schedule-cancel-message = Повідомлення клієнтові про скасування
schedule-cancel-hint = Клієнт прочитає його за кодом квитанції. Час звільниться для когось іншого.
schedule-cancel-submit = Скасувати запис і надіслати повідомлення
schedule-done-outcome = Запис позначено.
schedule-done-cancelled = Запис скасовано, ваше повідомлення чекає на клієнта.
schedule-not-current = Хтось уже змінив цей запис, тому нічого не зроблено.
schedule-unreadable = Цей запис зроблено раніше, ніж ви отримали доступ до його звернення, тому звідси не можна надіслати клієнтові повідомлення. Нічого не зроблено: попросіть колегу, який має доступ.
schedule-error-summary = Запис не скасовано: спершу напишіть повідомлення клієнтові.
schedule-doc-cancelled = На жаль, нам довелося скасувати ваш запис на { $when }.

## Звернення телефоном

kind-phone = Дзвінок
staff-phone = Записати дзвінок
phone-title = Записати телефонний дзвінок
phone-intro = Запишіть дзвінок від імені абонента. Він шифрується, як і будь-яке звернення. Потім ви отримаєте код квитанції, який треба прочитати абонентові, щоб той міг продовжити письмово.
phone-errors = Будь ласка, перевірте таке
phone-off-duty = Зараз у жодної з ваших служб немає чергування, тому дзвінок не можна записати. Дзвінки записують під час щотижневого чергування служби та впродовж { $minutes ->
    [one] { $minutes } хвилини
    [few] { $minutes } хвилин
    [many] { $minutes } хвилин
   *[other] { $minutes } хвилини
} після його завершення.
phone-on-duty = Зараз триває чергування: { $services }.
phone-error-off-duty = У цієї служби зараз немає чергування, тому дзвінок не записано. Написаний вами текст збережено нижче.
phone-name = Ім’я абонента (необов’язково)
phone-name-hint = Лише якщо абонент його назвав: ім’я, яким його можна називати.
phone-text = Про що був дзвінок
phone-text-hint = Шифрується: прочитати можуть лише консультанти служби та абонент із кодом.
phone-submit = Зберегти й показати код
phone-receipt-title = Прочитайте цей код абонентові
phone-saved = Дзвінок збережено як звернення до служби { $service }.
phone-read-out = Читайте код повільно, групами по чотири знаки. З ним абонент зможе читати наші відповіді й писати нам на сторінці, куди повертаються з кодом.
phone-shown-once = Код показується лише цей раз. Він ніде не зберігається, і показати його ще раз неможливо.
phone-again = Записати ще один дзвінок
thread-phone-by = Ваш телефонний дзвінок, записаний консультантом: { $name }
case-phone-by = Телефонний дзвінок, записаний консультантом: { $name }
avail-edit = Змінити
avail-edit-title = Змінити час
avail-edit-now = Зараз: { $when }
avail-edit-booked = { $count ->
    [1] Одна людина записалася на цей час. Якщо змінити час, запис скасується, і ця людина отримає повідомлення з новим часом.
    [one] { $count } людина записалася на цей час. Якщо змінити час, їхні записи скасуються, і кожна людина отримає повідомлення з новим часом.
    [few] { $count } людини записалися на цей час. Якщо змінити час, їхні записи скасуються, і кожна людина отримає повідомлення з новим часом.
    [many] { $count } людей записалися на цей час. Якщо змінити час, їхні записи скасуються, і кожна людина отримає повідомлення з новим часом.
   *[other] { $count } людини записалися на цей час. Якщо змінити час, їхні записи скасуються, і кожна людина отримає повідомлення з новим часом.
}
avail-edit-save = Зберегти зміну
avail-edit-back = Назад до вільного часу
avail-done-edited = Час змінено.
avail-done-edited-booked = Час змінено. Записи на нього скасовано, і кожен клієнт отримав повідомлення з новим часом.
avail-error-below-taken = Місць не може бути менше, ніж уже заброньовано.
avail-doc-changed = На жаль, нам довелося скасувати ваш запис на { $when }: час змінився на { $new }. Ви можете записатися на новий час чи інший або написати нам тут.
schedule-error-confirm = Щоб скасувати запис, позначте «Підтверджую».
