# Status: draft, needs review by a native speaker

## Запись: клиенты

booking-link = Хотите вместо этого записаться на звонок или присоединиться к группе? Записаться можно здесь.
booking-title = Записаться на время: { $service }
booking-intro = Выберите свободное время или группу. Называть имя не нужно. То, что вы здесь напишете, шифруется так, что прочитать это могут только консультанты этой службы.
booking-zone-note = Время указано по местному времени ({ $city }).
booking-zone-note-finland = Время указано по финскому времени.
booking-zone-note-utc = Время указано по UTC.
booking-choose = Время
booking-times = Время для звонка
booking-choose-group = Группа
booking-none-free = Сейчас нет свободного времени для записи.
booking-none-free-title = Сейчас нет свободного времени и свободных групп
booking-none-free-later = Наши консультанты добавляют на эту страницу новое время и новые группы. Пожалуйста, загляните снова через несколько дней.
booking-none-free-write = Вы также можете написать нам уже сейчас: отправить сообщение
booking-groups = Группы
booking-seats-free = { $label } ({ $n ->
    [one] { $n } свободное место
    [few] { $n } свободных места
    [many] { $n } свободных мест
   *[other] { $n } свободного места
})
booking-group-detail = { $meetings ->
    [one] { $meetings } встреча
    [few] { $meetings } встречи
    [many] { $meetings } встреч
   *[other] { $meetings } встречи
}, { $first } – { $last }, { $free ->
    [one] { $free } свободное место
    [few] { $free } свободных места
    [many] { $free } свободных мест
   *[other] { $free } свободного места
}
booking-group-meetings = Встречи
booking-group-name-hint = Имя, которым вас будут называть в группе. Подойдёт любое имя; оно не обязательно должно быть настоящим.
booking-group-submit = Записаться в группу
booking-call = Кто звонит
booking-call-we_call = Мы звоним вам
booking-call-you_call = Вы звоните нам
booking-line-number = Номер нашей линии: { $phone }
booking-phone = Ваш номер телефона (если звоним мы)
booking-phone-hint = Его видят только консультанты. Оставьте пустым, если будете звонить вы.
booking-topic = Тема (необязательно)
booking-topic-none = Без темы
booking-submit = Записаться на это время
booking-taken = К сожалению, это время только что занял кто-то другой. Пожалуйста, выберите другое; всё остальное, что вы ввели, сохранено.
booking-group-full = К сожалению, последнее место в этой группе только что заняли. Пожалуйста, выберите другую группу или время; всё остальное, что вы ввели, сохранено.
booking-error-choice = Выберите время.
booking-error-group = Выберите группу.
booking-error-call = Выберите, кто звонит.
booking-error-phone = Укажите номер, по которому мы можем позвонить (только цифры, пробелы и + - ( )), или выберите, что звоните вы.
booking-error-phone-unused = Вы выбрали, что будете звонить нам, поэтому оставьте поле номера телефона пустым.
booking-booked-title = Вы записаны
booking-booked-at = Ваша запись в службу { $service } сохранена.
booking-group-booked-title = У вас есть место в группе
booking-group-booked-at = Ваша запись в группу { $group } ({ $service }) сохранена.
booking-time = Время
booking-line = Номер линии
booking-we-call-you-at = Мы позвоним на номер { $phone }
booking-you-call-us = Вы звоните нам
booking-receipt-use = С этим кодом вы можете посмотреть свою запись, перенести или отменить её, а также читать наши сообщения.
booking-group-receipt-use = С этим кодом вы можете посмотреть свою запись и встречи группы, отказаться от места и читать наши сообщения.
booking-manage-open = Посмотреть, перенести или отменить запись
booking-manage-title = Ваша запись
booking-group-manage-title = Ваше место в группе
booking-group = Группа
booking-state-booked = Записано
booking-state-cancelled = Отменено
booking-state-moved = Перенесено
booking-state-done = Состоялось
booking-state-no_show = Пропущено
booking-group-state-booked = Записано
booking-not-current = Эту запись больше нельзя изменить.
booking-move = Перенести на другое время
booking-move-submit = Перенести запись
booking-cancel = Отменить запись
booking-cancel-hint = Время освободится для кого-то другого. Ваши сообщения останутся.
booking-cancel-submit = Отменить запись
booking-group-cancel = Отказаться от места
booking-group-cancel-hint = Ваше место освободится для кого-то другого. Ваши сообщения останутся.
booking-group-cancel-submit = Отказаться от места
booking-cancelled-notice = Ваша запись отменена.
booking-group-cancelled-notice = Ваше место в группе отменено.
booking-moved-notice = Ваша запись перенесена.
booking-back-to-thread = Назад к вашим сообщениям
booking-doc-moved = Запись перенесена на { $when }.
booking-doc-cancelled = Запись отменена.
booking-line-we_call-client = Ваше время: { $when }. Мы вам позвоним.
booking-line-you_call-client = Ваше время: { $when }. Вы звоните нам.
booking-line-we_call-staff = Забронированное время: { $when }. Мы звоним клиенту.
booking-line-you_call-staff = Забронированное время: { $when }. Клиент звонит нам.
booking-line-group-client = У вас есть место в группе { $group }. Первая встреча — { $first }, последняя — { $last }.
booking-line-group-staff = Место в группе { $group }. Первая встреча — { $first }, последняя — { $last }.
booking-weekday-1 = пн
booking-weekday-2 = вт
booking-weekday-3 = ср
booking-weekday-4 = чт
booking-weekday-5 = пт
booking-weekday-6 = сб
booking-weekday-7 = вс

## Запись: сотрудники

kind-booking = Запись
staff-availability = Свободное время
avail-title = Свободное время и группы
avail-slots = Опубликованное время
avail-slots-caption = Отдельные интервалы начиная с сегодняшнего дня
avail-none = Ничего не опубликовано.
avail-when = Время
avail-seats = Занято мест
avail-actions = Действия
avail-remove = Удалить
avail-booked = Забронировано
avail-groups = Группы
avail-oneoff = Опубликовать отдельное время
avail-weekly = Опубликовать еженедельное дежурство
avail-group = Опубликовать группу
avail-date = День
avail-start = Начало
avail-until = Конец
avail-minutes = Длительность в минутах
avail-slot-minutes = Длительность одного интервала в минутах
avail-capacity = Мест
avail-weekday = День недели
avail-from-day = Начиная с дня (пусто: сегодня)
avail-weeks = Сколько недель
avail-name-fi = Название на финском
avail-name-sv = Название на шведском
avail-name-en = Название на английском
avail-first-meeting = День первой встречи
avail-meetings = Количество встреч
avail-every-days = Дней между встречами
avail-publish = Опубликовать
avail-done-published = Опубликовано.
avail-done-removed = Время удалено.
avail-error-service = Выберите одну из своих служб.
avail-error-date = Укажите день в формате YYYY-MM-DD.
avail-error-time = Укажите время в формате HH:MM.
avail-error-weekday = Выберите день недели.
avail-error-minutes = Длительность должна быть от 5 до 600 минут.
avail-error-capacity = Количество мест должно быть от 1 до 500.
avail-error-weeks = Количество недель должно быть от 1 до 52.
avail-error-meetings = Количество встреч должно быть от 1 до 52.
avail-error-every = Дней между встречами должно быть от 1 до 366.
avail-error-until = Дежурство должно заканчиваться позже, чем начинается.
avail-error-no-slots = Это дежурство не даёт ни одного времени в будущем.
avail-error-no-such-time = Такого времени не существует или оно бывает дважды в этот день (перевод часов). Выберите другое время.
avail-error-past = Это время уже прошло.
avail-error-group-name = Дайте группе название на всех трёх языках (не более 100 символов).
avail-error-raced = Кто-то только что записался на это время, поэтому ничего не удалено. Попробуйте ещё раз.
avail-error-confirm = Ничего не удалено: на это время есть запись, и удаление отменит её. Чтобы удалить, отметьте «Подтверждаю».
avail-error-unreadable = Запись на это время сделана раньше, чем вы получили доступ к её обращению, поэтому клиенту нельзя было бы сообщить. Ничего не изменено: попросите коллегу, у которого есть доступ.
avail-remove-booked = Удалить и отменить записи
avail-done-removed-booked = Время удалено. Записи на него отменены, и каждому клиенту отправлено сообщение об этом.
avail-doc-removed = К сожалению, нам пришлось отменить вашу запись на { $when }: это время больше недоступно. Пожалуйста, выберите другое время или напишите нам здесь.
booking-weekday-long-1 = понедельник
booking-weekday-long-2 = вторник
booking-weekday-long-3 = среда
booking-weekday-long-4 = четверг
booking-weekday-long-5 = пятница
booking-weekday-long-6 = суббота
booking-weekday-long-7 = воскресенье

## Запись: расписание консультанта

staff-schedule = Расписание
schedule-title = Расписание
schedule-nav = Навигация по расписанию
schedule-previous = Раньше
schedule-next = Позже
schedule-day = Один день
schedule-week = Вся неделя
schedule-go-to = День
schedule-show = Показать
schedule-week-of = Неделя { $first } – { $last }
schedule-none = За этот период записей нет.
schedule-call-we_call = Мы звоним клиенту
schedule-call-you_call = Клиент звонит нам
schedule-phone = Номер телефона клиента
schedule-details = Подробности
schedule-open-case = Открыть обращение
schedule-mark-done = Отметить как состоявшееся
schedule-mark-no-show = Отметить как пропущенное
schedule-cancel-message = Сообщение клиенту об отмене
schedule-cancel-hint = Клиент прочитает его по коду квитанции. Время освободится для кого-то другого.
schedule-cancel-submit = Отменить запись и отправить сообщение
schedule-done-outcome = Запись отмечена.
schedule-done-cancelled = Запись отменена, ваше сообщение ждёт клиента.
schedule-not-current = Кто-то уже изменил эту запись, поэтому ничего не сделано.
schedule-unreadable = Эта запись сделана раньше, чем вы получили доступ к её обращению, поэтому отсюда нельзя отправить клиенту сообщение. Ничего не сделано: попросите коллегу, у которого есть доступ.
schedule-error-summary = Запись не отменена: сначала напишите сообщение клиенту.
schedule-doc-cancelled = К сожалению, нам пришлось отменить вашу запись на { $when }.

## Обращения по телефону

kind-phone = Звонок
staff-phone = Записать звонок
phone-title = Записать телефонный звонок
phone-intro = Запишите звонок от имени звонящего. Он шифруется, как любое обращение. Затем вы получите код квитанции, который нужно прочитать звонящему, чтобы тот мог продолжить письменно.
phone-errors = Пожалуйста, проверьте следующее
phone-off-duty = Сейчас ни у одной из ваших служб нет дежурства, поэтому звонок нельзя записать. Звонки записывают во время еженедельного дежурства службы и в течение { $minutes ->
    [one] { $minutes } минуты
    [few] { $minutes } минут
    [many] { $minutes } минут
   *[other] { $minutes } минуты
} после его окончания.
phone-on-duty = Сейчас идёт дежурство: { $services }.
phone-error-off-duty = У этой службы сейчас нет дежурства, поэтому звонок не записан. Написанный вами текст сохранён ниже.
phone-name = Имя звонящего (необязательно)
phone-name-hint = Только если звонящий его назвал: имя, которым его можно называть.
phone-text = О чём был звонок
phone-text-hint = Шифруется: прочитать могут только консультанты службы и звонящий с кодом.
phone-submit = Сохранить и показать код
phone-receipt-title = Прочитайте этот код звонящему
phone-saved = Звонок сохранён как обращение в службу { $service }.
phone-read-out = Читайте код медленно, группами по четыре знака. С ним звонящий сможет читать наши ответы и писать нам на странице, куда возвращаются с кодом.
phone-shown-once = Код показывается только в этот раз. Он нигде не хранится, и показать его снова нельзя.
phone-again = Записать ещё один звонок
thread-phone-by = Ваш телефонный звонок, записанный консультантом: { $name }
case-phone-by = Телефонный звонок, записанный консультантом: { $name }
avail-edit = Изменить
avail-edit-title = Изменить время
avail-edit-now = Сейчас: { $when }
avail-edit-booked = { $count ->
    [1] Один человек записался на это время. Если изменить время, запись отменится, и этот человек получит сообщение с новым временем.
    [one] { $count } человек записался на это время. Если изменить время, их записи отменятся, и каждому придёт сообщение с новым временем.
    [few] { $count } человека записались на это время. Если изменить время, их записи отменятся, и каждому придёт сообщение с новым временем.
    [many] { $count } человек записались на это время. Если изменить время, их записи отменятся, и каждому придёт сообщение с новым временем.
   *[other] { $count } человека записались на это время. Если изменить время, их записи отменятся, и каждому придёт сообщение с новым временем.
}
avail-edit-save = Сохранить изменение
avail-edit-back = Назад к свободному времени
avail-done-edited = Время изменено.
avail-done-edited-booked = Время изменено. Записи на него отменены, и каждому клиенту отправлено сообщение с новым временем.
avail-error-below-taken = Мест не может быть меньше, чем уже забронировано.
avail-doc-changed = К сожалению, нам пришлось отменить вашу запись на { $when }: время изменилось на { $new }. Вы можете записаться на новое время или на другое либо написать нам здесь.
schedule-error-confirm = Чтобы отменить запись, отметьте «Подтверждаю».
