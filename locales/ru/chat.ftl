# Status: draft, needs review by a native speaker

# Чат: страницы клиента.
chat-offer-heading = Чат сейчас
chat-open = Консультант может пообщаться с вами в чате прямо сейчас. Учётная запись и имя не нужны.
chat-closed = Сейчас чат закрыт.
chat-closed-next = Сейчас чат закрыт. В следующий раз он откроется: { $when }.
chat-no-one = Чат открыт, но сейчас нет свободного консультанта. Попробуйте ещё раз чуть позже или напишите сообщение ниже.
chat-full = Очередь в чате сейчас заполнена. Попробуйте позже или напишите сообщение ниже: мы ответим письменно.
chat-closed-now = Не удалось начать чат: он закрыт или сейчас никто не дежурит.
chat-name = Как к вам обращаться? (необязательно)
chat-name-hint = Подойдёт любое имя. Можно оставить пустым.
chat-start = Начать чат
chat-or-write = Или напишите сообщение
chat-title = Чат – { $service }
chat-receipt-hint = Это ваша квитанция. Запишите её сейчас: она показывается только один раз. С ней вы сможете прочитать этот разговор и более поздние ответы, а также написать нам снова.
chat-status-next = Ваша очередь — следующая.
chat-status-ahead = { $ahead ->
    [1] Перед вами в очереди один человек.
    [one] Перед вами в очереди { $ahead } человек.
    [few] Перед вами в очереди { $ahead } человека.
    [many] Перед вами в очереди { $ahead } человек.
   *[other] Перед вами в очереди { $ahead } человека.
}
chat-status-usually = Обычно ждать приходится меньше { $minutes ->
    [one] { $minutes } минуты
    [few] { $minutes } минут
    [many] { $minutes } минут
   *[other] { $minutes } минуты
}.
chat-status-with = С вами в чате: { $name }.
chat-status-active = Консультант общается с вами в чате.
chat-waiting-hint = Вы можете писать, пока ждёте: консультант прочитает это, когда начнётся чат. Если страница не обновляется сама, время от времени нажимайте «Проверить новые сообщения», чтобы мы знали, что вы ещё здесь.
chat-conversation = Разговор
chat-empty = Сообщений пока нет.
chat-your-message = Ваше сообщение
chat-message-hint = Чтобы отправить, нажмите «Отправить». Написанное шифруется перед сохранением.
chat-send = Отправить
chat-check = Проверить новые сообщения
chat-sending = Отправка…
chat-connection-lost = Связь прервалась. Ваше сообщение всё ещё здесь: попробуйте отправить его ещё раз.
chat-too-fast = Вы отправляете сообщения очень быстро. Подождите немного и отправьте ещё раз: ваше сообщение всё ещё здесь.
chat-to-written = Выйти из очереди и получить письменный ответ
chat-end = Завершить чат
chat-you = Вы
chat-counsellor = Консультант
chat-ended-title = Чат завершён
chat-ended = Чат завершён.
chat-ended-by-counsellor = Чат завершён консультантом.
chat-ended-gone = Чат завершился, потому что от вас какое-то время ничего не приходило.
chat-ended-read-later = Позже вы сможете прочитать разговор по квитанции и написать нам снова.
chat-ended-not-kept = Эта служба не хранит разговоры в чате, поэтому прочитать этот разговор ещё раз не получится. Но по квитанции вы по-прежнему можете написать нам.
chat-written-title = Ваше сообщение отправлено
chat-written = Служба { $service } ответит вам письменно. Читайте ответ по квитанции.
chat-not-started-title = Чат не начался
chat-none-title = Нет открытого чата
chat-none = В этом браузере нет открытого чата. Возможно, он уже завершился, или браузер его не запомнил.
chat-draft-kept = Ваш текст (скопируйте его, чтобы не потерять)
chat-link-check = Читать ответы по квитанции
chat-link-services = Все службы
chat-link-service = Назад: { $service }
kind-chat = Чат
topic-chat = Чат

# Страницы консультанта.
staff-chat = Чат
chat-console-title = Чат
chat-duty = Дежурство в чате
chat-duty-services = Я дежурю в чате для служб
chat-duty-no-services = Вы не состоите ни в одной службе.
chat-duty-capacity = Сколько чатов я веду одновременно
chat-duty-save = Сохранить дежурство
chat-mine = Мои чаты
chat-mine-none = У вас нет открытых чатов.
chat-waiting = В очереди
chat-waiting-none = Никто не ждёт.
chat-not-on-duty = Вы не дежурите в чате. Выберите свои службы выше, чтобы видеть их очередь.
chat-waited = { $minutes ->
    [one] ждёт { $minutes } минуту
    [few] ждёт { $minutes } минуты
    [many] ждёт { $minutes } минут
   *[other] ждёт { $minutes } минуты
}
chat-gone = нет на связи?
chat-take-next = Взять следующего клиента
chat-anonymous = Анонимно
chat-console-done-duty = Ваше дежурство сохранено.
chat-console-done-none-waiting = В очереди нет никого, кого можно взять.
chat-console-done-full = У вас уже столько чатов, сколько вы ведёте одновременно.
chat-console-done-taken-by-other = Этого клиента уже взял кто-то другой.
chat-console-done-ended = Чат завершён.
chat-console-done-handed = Чат передан.
chat-staff-title = Чат: { $name }
chat-back-to-console = Назад к панели чата
chat-open-case = Открыть обращение
chat-client = Клиент
chat-staff-active = Клиент на связи.
chat-staff-gone = От клиента какое-то время ничего нет: возможно, человек ушёл.
chat-staff-ended = Чат завершён.
chat-staff-ended-client = Клиент завершил чат.
chat-staff-ended-gone = Чат завершён: клиент пропал.
chat-staff-ended-exit = Клиент ушёл через быстрый выход.
chat-staff-handed = Этот чат теперь ведёт другой консультант.
chat-note = Служебная заметка
chat-note-hint = Заметки могут читать только консультанты службы.
chat-note-save = Сохранить заметку
chat-note-by = Заметка: { $name }
chat-hand-over-to = Передать чат консультанту
chat-hand-over = Передать
chat-staff-end = Завершить чат
chat-error-ended = Чат завершён; больше ничего отправить нельзя.
chat-error-hand-over = Не удалось передать чат: выберите консультанта, который сейчас дежурит.
chat-settings-heading = Часы работы чата
chat-settings-link = Часы работы чата: { $service }
chat-settings-title = Настройки чата – { $service }
chat-settings-hours = Часы работы чата
chat-settings-hours-hint = По часовому поясу службы, в формате HH:MM (24:00 — полночь). Оставьте день пустым, если в этот день чата нет.
chat-settings-from = С
chat-settings-until = До
chat-settings-queue-max = Сколько человек может ждать в очереди
chat-settings-keep = Хранить разговор после завершения чата
chat-settings-keep-hint = Если не хранить, сообщения удаляются после завершения чата; обращение и квитанция клиента остаются.
chat-settings-save = Сохранить
chat-settings-saved = Настройки чата сохранены.
chat-settings-error-hours = { $day }: укажите оба времени в формате HH:MM, начало раньше конца.
chat-settings-error-queue = Укажите размер очереди числом от 1 до 1000.
audit-action-chat-take = Взят чат
audit-action-chat-end = Завершён чат
audit-action-chat-hand-over = Передан чат
audit-action-chat-settings = Изменены настройки чата
