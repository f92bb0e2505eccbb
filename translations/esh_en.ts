<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
<context>
    <name>ChatEditWindow</name>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="66"/>
        <source>Чат Сферума</source>
        <translation>Sferum chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="92"/>
        <source>Наименование чата</source>
        <translation>Chat name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="97"/>
        <source>Тип чата</source>
        <translation>Chat type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="100"/>
        <source>Предмет/Группа (Класс)</source>
        <translation>Subject/Group (Class)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="341"/>
        <source>Укажите наименование чата.</source>
        <translation>Enter the chat name.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="343"/>
        <source>Выберите группу: для чата «Предмет» она обязательна.</source>
        <translation>Choose a group: it is required for a «Subject» chat.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="353"/>
        <source>Предупреждение</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="385"/>
        <source> и еще {count}</source>
        <translation> and {count} more</translation>
    </message>
    <message>
        <location filename="../registries/sferum/chat_edit.py" line="388"/>
        <source>Не связали свою учетную запись ЭШ с учебным профилем Сферума — {count} ({counts}): {names}.

Такие участники будут добавлены в чат реестра Сферум в ЭШ, но в чат на стороне Сферума будут добавлены только после привязки аккаунта ЭШ к учебному профилю Сферума.

Для продолжения нажмите «Ок», для возврата в окно — «Отмена».</source>
        <translation>Participants who have not linked their ESh account to a Sferum education profile — {count} ({counts}): {names}.

These participants will be added to the chat in the ESh Sferum registry, but they will be added to the chat on the Sferum side only after linking their ESh account to a Sferum education profile.

Press «OK» to continue or «Cancel» to return to the window.</translation>
    </message>
</context>
<context>
    <name>ChatsTab</name>
    <message>
        <location filename="../registries/sferum/registry.py" line="51"/>
        <source>Наименование чата</source>
        <translation>Chat name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="53"/>
        <source>Тип чата</source>
        <translation>Chat type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="55"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="56"/>
        <source>Предмет/Группа (Класс)</source>
        <translation>Subject/Group (Class)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="58"/>
        <source>Участников</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="64"/>
        <source>В Сферуме</source>
        <translation>In Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="70"/>
        <source>Администраторы</source>
        <translation>Administrators</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="73"/>
        <source>Синхронизация</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="91"/>
        <source>Чаты</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="112"/>
        <location filename="../registries/sferum/registry.py" line="148"/>
        <source>Привязать учетную запись</source>
        <translation>Link account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="121"/>
        <source>Телефон, привязанный к Сферум:</source>
        <translation>Phone linked to Sferum:</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="125"/>
        <source>Не в Сферуме</source>
        <translation>Not in Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="127"/>
        <source>Кто из участников чатов еще не в чатах Сферума и почему</source>
        <translation>Which chat participants are not yet in the Sferum chats, and why</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="146"/>
        <source>Отвязать учетную запись</source>
        <translation>Unlink account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="225"/>
        <source>Удалить чат «{title}»? Чат будет удален и на стороне Сферума.</source>
        <translation>Delete the chat «{title}»? The chat will also be deleted on the Sferum side.</translation>
    </message>
</context>
<context>
    <name>ChildChoiceDialog</name>
    <message>
        <location filename="../registries/roster/dialogs.py" line="258"/>
        <source>Отвязать</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="267"/>
        <source>Ученик</source>
        <translation>Student</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../registries/base/dialogs.py" line="64"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClassChoiceDialog</name>
    <message>
        <location filename="../registries/roster/dialogs.py" line="51"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
</context>
<context>
    <name>ClassesRegistry</name>
    <message>
        <location filename="../registries/roster/classes.py" line="35"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="37"/>
        <location filename="../registries/roster/classes.py" line="208"/>
        <source>Классный руководитель</source>
        <translation>Class teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="43"/>
        <location filename="../registries/roster/classes.py" line="58"/>
        <source>Учеников</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="53"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="54"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="55"/>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="56"/>
        <location filename="../registries/roster/classes.py" line="230"/>
        <source>Учитель</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="74"/>
        <source>Классы</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="86"/>
        <source>Сменить классного руководителя</source>
        <translation>Change class teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="103"/>
        <source>Сменить учителя группы</source>
        <translation>Change group teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="162"/>
        <source>Группы: выберите класс</source>
        <translation>Groups: choose a class</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="166"/>
        <source>Группы класса {name}</source>
        <translation>Groups of class {name}</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="206"/>
        <source>Смена классного руководителя</source>
        <translation>Change of class teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="207"/>
        <source>Класс {name}.</source>
        <translation>Class {name}.</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="226"/>
        <source>Смена учителя группы</source>
        <translation>Change of group teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/classes.py" line="227"/>
        <source>{subject}, группа {group} ({class_name}).</source>
        <translation>{subject}, group {group} ({class_name}).</translation>
    </message>
</context>
<context>
    <name>ConferenceEditWindow</name>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="92"/>
        <source>{number} урок, {date}, {starts}–{ends}, {subject} ({group})</source>
        <translation>Lesson {number}, {date}, {starts}–{ends}, {subject} ({group})</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="113"/>
        <source>Наименование чата</source>
        <translation>Chat name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="116"/>
        <source>Тип чата</source>
        <translation>Chat type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="120"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="122"/>
        <source>Предмет/Группа (Класс)</source>
        <translation>Subject/Group (Class)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="127"/>
        <source>Участников</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="137"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="139"/>
        <source>№ урока</source>
        <translation>Lesson no.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="145"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="150"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="155"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="158"/>
        <source>Учитель</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="180"/>
        <source>Ф.И.О.</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="190"/>
        <source>Администратор чатов Сферум: участвует всегда</source>
        <translation>Sferum chat administrator: always takes part</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="278"/>
        <source>Видеоконференция сферума</source>
        <translation>Sferum video conference</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="303"/>
        <source>Выбрать чат</source>
        <translation>Choose a chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="306"/>
        <source>Выбрать урок из расписания</source>
        <translation>Choose a lesson from the timetable</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="308"/>
        <source>Убрать урок</source>
        <translation>Clear the lesson</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="322"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="327"/>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="330"/>
        <source>Чат</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="332"/>
        <source>Урок</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="335"/>
        <source>Дата начала</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="341"/>
        <source>Время начала</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="347"/>
        <source>Время окончания</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="459"/>
        <source>Видеоконференция не началась: {reason}</source>
        <translation>The video conference did not start: {reason}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="527"/>
        <source>Для видеозвонка урок не указывается.</source>
        <translation>A video call has no lesson.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="529"/>
        <location filename="../registries/sferum/conference_edit.py" line="545"/>
        <source>Сначала выберите чат.</source>
        <translation>Choose a chat first.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="552"/>
        <source>Урок из расписания</source>
        <translation>Lesson from the timetable</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="609"/>
        <source>Выбор чата</source>
        <translation>Choose a chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="613"/>
        <source>Нет доступных вам чатов.</source>
        <translation>There are no chats available to you.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="667"/>
        <source>Выбор урока</source>
        <translation>Choose a lesson</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="673"/>
        <source>В расписании чата нет уроков на ближайшие две недели.</source>
        <translation>The chat&apos;s timetable has no lessons in the next two weeks.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="723"/>
        <source>Чат еще загружается.</source>
        <translation>The chat is still loading.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="725"/>
        <source>Выберите чат.</source>
        <translation>Choose a chat.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="727"/>
        <source>Для онлайн-урока в предметном чате выберите урок.</source>
        <translation>For an online lesson in a subject chat, choose a lesson.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="731"/>
        <source>Укажите наименование видеоконференции.</source>
        <translation>Enter the video conference name.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="736"/>
        <source>Время окончания должно быть позже времени начала.</source>
        <translation>The end time must be later than the start time.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="743"/>
        <source>Дата начала уже прошла.</source>
        <translation>The start date has already passed.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conference_edit.py" line="745"/>
        <source>Время начала уже прошло.</source>
        <translation>The start time has already passed.</translation>
    </message>
</context>
<context>
    <name>ConferenceLinkDialog</name>
    <message>
        <location filename="../registries/sferum/conferences.py" line="169"/>
        <source>Подключение к видеоконференции</source>
        <translation>Joining the video conference</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="172"/>
        <source>Не удалось открыть браузер. Скопируйте ссылку или подключитесь с телефона: наведите камеру телефона на код.</source>
        <translation>Could not open the browser. Copy the link or join from a phone: point the phone&apos;s camera at the code.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="178"/>
        <source>Чтобы подключиться с телефона, наведите камеру телефона на код.</source>
        <translation>To join from a phone, point the phone&apos;s camera at the code.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="193"/>
        <source>Копировать ссылку</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="195"/>
        <source>Перейти</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="197"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="215"/>
        <source>Ссылка скопирована.</source>
        <translation>The link has been copied.</translation>
    </message>
</context>
<context>
    <name>ConferencesTab</name>
    <message>
        <location filename="../registries/sferum/conferences.py" line="72"/>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="73"/>
        <source>Неделя</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="74"/>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="75"/>
        <source>Период</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="104"/>
        <source>Чат: {chat}</source>
        <translation>Chat: {chat}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="109"/>
        <source>Дата начала</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="115"/>
        <source>Время начала</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="122"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="129"/>
        <source>Тип</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="131"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="132"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="134"/>
        <source>Количество участников</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="140"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="148"/>
        <source>Ссылка</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="149"/>
        <location filename="../registries/sferum/conferences.py" line="265"/>
        <source>Перейти</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="228"/>
        <source>Видеоконференции</source>
        <translation>Video conferences</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="249"/>
        <source>Закончить видеоконференцию</source>
        <translation>End the video conference</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="257"/>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="270"/>
        <source>Подключиться к видеоконференции в браузере</source>
        <translation>Join the video conference in the browser</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="274"/>
        <source>QR-код</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="279"/>
        <source>Ссылка для подключения с телефона: QR-код</source>
        <translation>Link for joining from a phone: QR code</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="296"/>
        <source>Все</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="299"/>
        <source>Период:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="300"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="301"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="303"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="500"/>
        <source>Видеоконференция «{title}» сейчас идет. Звонок будет завершен для всех участников, а видеоконференция удалена. Удалить?</source>
        <translation>The video conference «{title}» is under way. The call will be ended for all participants and the video conference deleted. Delete?</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="506"/>
        <source>Удалить видеоконференцию «{title}»?</source>
        <translation>Delete the video conference «{title}»?</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="522"/>
        <source>Закончить видеоконференцию «{title}»? Звонок будет завершен для всех участников.</source>
        <translation>End the video conference «{title}»? The call will be ended for all participants.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="538"/>
        <source>Платформа МАХ не ответила.</source>
        <translation>The MAX platform did not respond.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/conferences.py" line="543"/>
        <source>Видеоконференция «{title}» не началась: {reason}

Повторить запуск?</source>
        <translation>The video conference «{title}» did not start: {reason}

Try starting it again?</translation>
    </message>
</context>
<context>
    <name>DeliveriesPanel</name>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="85"/>
        <source>{title}: {count}</source>
        <translation>{title}: {count}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="89"/>
        <source>, из них отклонено: {count}</source>
        <translation>, of which refused: {count}</translation>
    </message>
</context>
<context>
    <name>DesktopApplication</name>
    <message>
        <location filename="../desktop/application.py" line="46"/>
        <source>Демонстрационная школа «МБОУ СОШ № 7». Логины: klass (классный руководитель), uchitel (учитель), chatadmin (администратор чатов), admin (администратор), uchenik (ученик), roditel (родитель). Пароль для всех: demo</source>
        <translation>Demo school «МБОУ СОШ № 7». Logins: klass (class teacher), uchitel (teacher), chatadmin (chat administrator), admin (administrator), uchenik (student), roditel (parent). Password for all: demo</translation>
    </message>
    <message>
        <location filename="../desktop/application.py" line="247"/>
        <source>Завершить работу и выйти из системы?</source>
        <translation>Finish work and log out?</translation>
    </message>
    <message>
        <location filename="../desktop/application.py" line="288"/>
        <source>База данных пуста. Создать демонстрационную школу, чтобы познакомиться с программой?</source>
        <translation>The database is empty. Create a demo school to get to know the program?</translation>
    </message>
</context>
<context>
    <name>DesktopWindow</name>
    <message>
        <location filename="../desktop/main_window.py" line="159"/>
        <source>Электронная школа — {organisation}</source>
        <translation>Electronic School — {organisation}</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="197"/>
        <source>Выход</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>EditWindow</name>
    <message>
        <location filename="../registries/base/edit_window.py" line="47"/>
        <source>Добавление</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="48"/>
        <source>Редактирование</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="78"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="82"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="191"/>
        <source>Проверьте правильность заполнения полей.</source>
        <translation>Please check the fields.</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="229"/>
        <source>Данные были изменены. Закрыть окно без сохранения изменений?</source>
        <translation>The data has been changed. Close the window without saving the changes?</translation>
    </message>
</context>
<context>
    <name>EmployeeChoiceDialog</name>
    <message>
        <location filename="../registries/roster/dialogs.py" line="90"/>
        <source>Выбрать</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="94"/>
        <source>Не назначен</source>
        <translation>Not assigned</translation>
    </message>
</context>
<context>
    <name>FormerStudentsRegistry</name>
    <message>
        <location filename="../registries/roster/former_students.py" line="29"/>
        <source>Восстановлен</source>
        <translation>Reinstated</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="35"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="37"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="39"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="41"/>
        <source>Дата выбытия</source>
        <translation>Left on</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="44"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="65"/>
        <source>Выпускники и отчисленные</source>
        <translation>Graduates and expelled</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="76"/>
        <location filename="../registries/roster/former_students.py" line="118"/>
        <source>Восстановить</source>
        <translation>Reinstate</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="84"/>
        <source>Отменить восстановление</source>
        <translation>Undo reinstatement</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="114"/>
        <source>Восстановление ученика</source>
        <translation>Reinstating a student</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="115"/>
        <source>Восстановить ученика {name} в класс:</source>
        <translation>Reinstate student {name} in class:</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="135"/>
        <source>Отменить восстановление ученика {name}? Ученик и его родители будут исключены из всех чатов организации, в которые они были добавлены.</source>
        <translation>Undo the reinstatement of student {name}? The student and their parents will be removed from all the organisation&apos;s chats they were added to.</translation>
    </message>
    <message>
        <location filename="../registries/roster/former_students.py" line="140"/>
        <source>Отмена восстановления</source>
        <translation>Undoing reinstatement</translation>
    </message>
</context>
<context>
    <name>GapsWindow</name>
    <message>
        <location filename="../registries/sferum/gaps.py" line="39"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="40"/>
        <source>Чат</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="42"/>
        <source>Тип чата</source>
        <translation>Chat type</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="44"/>
        <source>Участник</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="45"/>
        <source>Роль</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="46"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="73"/>
        <source>Кто не в Сферуме</source>
        <translation>Who is not in Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="80"/>
        <source>Участники чатов ЭШ, которых еще нет в чатах на стороне Сферума, и причина.</source>
        <translation>ESh chat participants who are not yet in the chats on the Sferum side, and the reason.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="89"/>
        <source>Чат или класс</source>
        <translation>Chat or class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="110"/>
        <location filename="../registries/sferum/gaps.py" line="175"/>
        <source>Выгрузить в CSV</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="112"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="114"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="123"/>
        <source>Чат или класс:</source>
        <translation>Chat or class:</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="146"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="165"/>
        <source>Участников не в Сферуме: {count}, в чатах: {chats}</source>
        <translation>Participants not in Sferum: {count}, in chats: {chats}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="172"/>
        <source>Кто не в Сферуме.csv</source>
        <translation>Who is not in Sferum.csv</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="177"/>
        <source>Файлы CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/gaps.py" line="186"/>
        <source>Не удалось записать файл {path}: {reason}</source>
        <translation>Could not write the file {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <location filename="../registries/journal/window.py" line="71"/>
        <location filename="../registries/journal/window.py" line="86"/>
        <location filename="../registries/journal/window.py" line="94"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="73"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="78"/>
        <source>Класс/Группа</source>
        <translation>Class/Group</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="79"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="85"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="87"/>
        <source>Проведен</source>
        <translation>Conducted</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="88"/>
        <location filename="../registries/journal/window.py" line="95"/>
        <source>Тема</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="96"/>
        <source>Часы</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="117"/>
        <location filename="../registries/journal/window.py" line="588"/>
        <source>Журнал на урок</source>
        <translation>Lesson journal</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="138"/>
        <source>Предыдущий день</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="149"/>
        <source>Следующий день</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="152"/>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="157"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="174"/>
        <source>На выбранную дату уроков нет.</source>
        <translation>No lessons on the chosen date.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="185"/>
        <source>Классный журнал</source>
        <translation>Class register</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="213"/>
        <source>Привязать к КТП</source>
        <translation>Link to the thematic plan</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="216"/>
        <source>Отвязать КТП</source>
        <translation>Unlink from the thematic plan</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="220"/>
        <source>Создать онлайн-урок</source>
        <translation>Create online lesson</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="225"/>
        <source>Подключиться к онлайн-уроку</source>
        <translation>Join online lesson</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="230"/>
        <source>Завершить онлайн-урок</source>
        <translation>End online lesson</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="258"/>
        <source>Урок проведен</source>
        <translation>Lesson conducted</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="261"/>
        <source>Класс/Группа:</source>
        <translation>Class/Group:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="262"/>
        <source>Предмет:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="263"/>
        <source>Время:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="264"/>
        <source>Тема:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="493"/>
        <source>Урок еще не наступил.</source>
        <translation>The lesson has not come yet.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="509"/>
        <source>Выбор темы КТП</source>
        <translation>Choose a thematic plan topic</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="513"/>
        <source>Для группы по этому предмету нет КТП.</source>
        <translation>The group has no thematic plan for this subject.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="566"/>
        <source>Запись об уроке сохранена.</source>
        <translation>The lesson record is saved.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="582"/>
        <source>Сохранить изменения?</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="607"/>
        <source>Данные были изменены. Закрыть окно без сохранения изменений?</source>
        <translation>The data has been changed. Close the window without saving the changes?</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="679"/>
        <source>Урок закончился, онлайн-урок не создан</source>
        <translation>The lesson is over; no online lesson was created</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="681"/>
        <source>Не создан</source>
        <translation>Not created</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="685"/>
        <source>Начнется в {time}</source>
        <translation>Starts at {time}</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="686"/>
        <source>Идет</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="687"/>
        <source>Завершен</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="688"/>
        <source>Ошибка: {reason}</source>
        <translation>Error: {reason}</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="713"/>
        <source>Урок уже закончился: создать онлайн-урок нельзя.</source>
        <translation>The lesson is already over: an online lesson cannot be created.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="720"/>
        <source>Чтобы создать онлайн-урок, учетная запись должна быть привязана к учебному аккаунту Сферум.</source>
        <translation>To create an online lesson, your account must be linked to a Sferum education account.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="727"/>
        <source>Привязать аккаунт к Сферум</source>
        <translation>Link account to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="751"/>
        <source>Для группы нет предметного чата. Создать его?</source>
        <translation>The group has no subject chat. Create it?</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="807"/>
        <source>Онлайн-урок начнется в {time}.</source>
        <translation>The online lesson starts at {time}.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="812"/>
        <source>Онлайн-урок завершен.</source>
        <translation>The online lesson has finished.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="817"/>
        <source>Онлайн-урок не начался из-за ошибки.</source>
        <translation>The online lesson did not start because of an error.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="827"/>
        <source>Завершить онлайн-урок?</source>
        <translation>End the online lesson?</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="184"/>
        <source>Урок</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="192"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="266"/>
        <source>Основной вид работы на уроке:</source>
        <translation>Main type of work in the lesson:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="272"/>
        <source>Онлайн-урок:</source>
        <translation>Online lesson:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="274"/>
        <source>Добавить в журнал</source>
        <translation>Add to the register</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="437"/>
        <source>{number} урок, {start}–{end}</source>
        <translation>lesson {number}, {start}–{end}</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="102"/>
        <source>Урок не привязан к КТП</source>
        <translation>The lesson is not linked to the thematic plan</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../registries/base/labels.py" line="12"/>
        <source>Администрация</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="13"/>
        <source>Педагогический состав</source>
        <translation>Teaching staff</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="14"/>
        <source>Прочий персонал</source>
        <translation>Other staff</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="17"/>
        <source>Обучается</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="18"/>
        <source>Выпускник</source>
        <translation>Graduate</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="19"/>
        <source>Отчислен</source>
        <translation>Expelled</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="22"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/base/labels.py" line="23"/>
        <source>Подгруппа</source>
        <translation>Sub-group</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../desktop/login_window.py" line="161"/>
        <source>Электронная школа — вход в систему</source>
        <translation>Electronic School — log in</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="162"/>
        <source>Электронная школа</source>
        <translation>Electronic School</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="163"/>
        <source>Вход в систему</source>
        <translation>Log in to the system</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="164"/>
        <source>Подключение</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="165"/>
        <source>Адрес сервера</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="167"/>
        <source>Подключиться</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="171"/>
        <source>Встроенная база данных</source>
        <translation>Built-in database</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="172"/>
        <source>Сервер</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="175"/>
        <source>Организация</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="176"/>
        <source>Выберите организацию</source>
        <translation>Choose an organisation</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="177"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="178"/>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="179"/>
        <source>Остаться в системе</source>
        <translation>Stay logged in</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="180"/>
        <source>Войти</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="181"/>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="256"/>
        <source>Подключение к серверу…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="258"/>
        <source>Подключение к базе данных…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="281"/>
        <source>В базе данных нет ни одной организации.</source>
        <translation>The database holds no organisation.</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="299"/>
        <source>Выберите организацию.</source>
        <translation>Choose an organisation.</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="301"/>
        <source>Введите логин.</source>
        <translation>Enter the login.</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="303"/>
        <source>Введите пароль.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../desktop/login_window.py" line="316"/>
        <source>Вход в систему…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MaxDemoWindow</name>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="37"/>
        <source>МАХ (демо)</source>
        <translation>MAX (demo)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="40"/>
        <source>Вкладка «Сферум» — чат сообщества Сферум</source>
        <translation>«Sferum» tab — the Sferum community chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="42"/>
        <location filename="../registries/sferum/max_demo_window.py" line="128"/>
        <source>Сообщений пока нет.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="45"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="46"/>
        <source>Не подключать</source>
        <translation>Do not connect</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="49"/>
        <source>Звонки в МАХ</source>
        <translation>Calls in MAX</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="51"/>
        <location filename="../registries/sferum/max_demo_window.py" line="113"/>
        <source>Сейчас звонков нет.</source>
        <translation>There are no calls now.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="57"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="71"/>
        <source>Демонстрация: так выглядит платформа МАХ на телефоне пользователя.</source>
        <translation>Demonstration: this is how the MAX platform looks on the user&apos;s phone.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="116"/>
        <source>{title} — идет с {time}</source>
        <translation>{title} — in progress since {time}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="133"/>
        <source>Пользователь МАХ: {phone}</source>
        <translation>MAX user: {phone}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../registries/base/messages.py" line="38"/>
        <location filename="../registries/base/messages.py" line="107"/>
        <source>Подтверждение</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="584"/>
        <location filename="../registries/base/messages.py" line="41"/>
        <source>Да</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="585"/>
        <location filename="../registries/base/messages.py" line="42"/>
        <source>Нет</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../registries/base/messages.py" line="51"/>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="733"/>
        <location filename="../registries/base/messages.py" line="52"/>
        <location filename="../registries/base/messages.py" line="127"/>
        <source>Внимание</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../registries/base/messages.py" line="53"/>
        <source>Информация</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../registries/base/messages.py" line="60"/>
        <location filename="../registries/base/messages.py" line="130"/>
        <source>Ок</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="586"/>
        <location filename="../registries/journal/window.py" line="730"/>
        <location filename="../registries/base/messages.py" line="131"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OrganisationSettingsWindow</name>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="30"/>
        <source>Настройки организации</source>
        <translation>Organisation settings</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="44"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="50"/>
        <source>Краткое наименование</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="56"/>
        <source>Администратор чатов Сферум</source>
        <translation>Sferum chat administrator</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="62"/>
        <source>Не указан: платформа МАХ имитируется</source>
        <translation>Not set: the MAX platform is simulated</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="71"/>
        <source>Адрес API платформы МАХ</source>
        <translation>MAX platform API address</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="76"/>
        <source>Токен доступа МАХ</source>
        <translation>MAX access token</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="81"/>
        <source>Адрес веб-версии Сферум</source>
        <translation>Sferum web address</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="99"/>
        <source>Не назначен</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="115"/>
        <source>Задан; введите новый, чтобы заменить</source>
        <translation>Set; type a new one to replace it</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="117"/>
        <source>Не задан</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="135"/>
        <source>Укажите наименование организации.</source>
        <translation>Enter the organisation&apos;s name.</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="139"/>
        <source>Укажите краткое наименование.</source>
        <translation>Enter the short name.</translation>
    </message>
    <message>
        <location filename="../registries/organisation/settings_window.py" line="143"/>
        <source>Укажите адрес веб-версии Сферум.</source>
        <translation>Enter the Sferum web address.</translation>
    </message>
</context>
<context>
    <name>ParentsRegistry</name>
    <message>
        <location filename="../registries/roster/parents.py" line="32"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="33"/>
        <source>Дети</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="35"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="37"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="38"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="50"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="59"/>
        <location filename="../registries/roster/parents.py" line="86"/>
        <source>Связать с учеником</source>
        <translation>Link to a student</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="65"/>
        <location filename="../registries/roster/parents.py" line="102"/>
        <source>Отвязать от ученика</source>
        <translation>Unlink from a student</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="87"/>
        <source>Родитель: {name}. Найдите ученика.</source>
        <translation>Parent: {name}. Find the student.</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="109"/>
        <source>От какого ученика отвязать родителя {name}?</source>
        <translation>Which student should parent {name} be unlinked from?</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="119"/>
        <source>Отвязать родителя {parent} от ученика {child}? Родитель будет исключен из родительского чата класса, если в классе нет других его детей.</source>
        <translation>Unlink parent {parent} from student {child}? The parent will be removed from the class parents&apos; chat if they have no other children in the class.</translation>
    </message>
</context>
<context>
    <name>ParticipantPicker</name>
    <message>
        <location filename="../registries/sferum/picker.py" line="44"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="46"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="47"/>
        <source>Дети</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="121"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="123"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="124"/>
        <source>Привязан к Сферум</source>
        <translation>Linked to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="142"/>
        <source>Нет учетной записи</source>
        <translation>No account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="148"/>
        <source>Уже в чате</source>
        <translation>Already in the chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="220"/>
        <source>Выбрать все</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="222"/>
        <source>Выбрать</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="226"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="248"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/sferum/picker.py" line="268"/>
        <source>Найдено: {found}. Выбрано: {chosen}.</source>
        <translation>Found: {found}. Selected: {chosen}.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <location filename="../registries/sferum/participants.py" line="121"/>
        <source>Будет добавлен при сохранении</source>
        <translation>Will be added on saving</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="223"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="224"/>
        <source>Администратор</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="226"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="227"/>
        <source>В Сферуме</source>
        <translation>In Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="252"/>
        <source>Администратор чатов Сферум</source>
        <translation>Sferum chat administrator</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="254"/>
        <source>Вы администратор этого чата: флажок не изменяется</source>
        <translation>You are an administrator of this chat: the check box cannot be changed</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../registries/sferum/participants.py" line="364"/>
        <source>Добавить</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../registries/sferum/participants.py" line="368"/>
        <source>Исключить</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>PersonEditWindow</name>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="68"/>
        <source>Фамилия</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="73"/>
        <source>Имя</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="76"/>
        <source>Отчество</source>
        <translation>Patronymic</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="89"/>
        <source>Укажите фамилию.</source>
        <translation>Enter the surname.</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="91"/>
        <source>Укажите имя.</source>
        <translation>Enter the first name.</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../registries/base/record_picker.py" line="90"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/base/record_picker.py" line="94"/>
        <source>Выбрать</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../registries/base/record_picker.py" line="98"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../registries/base/record_picker.py" line="138"/>
        <source>Найдено: {count}</source>
        <translation>Found: {count}</translation>
    </message>
    <message>
        <location filename="../registries/base/record_picker.py" line="141"/>
        <source>Ничего не найдено.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>Registries</name>
    <message>
        <location filename="../registries/journal/__init__.py" line="13"/>
        <source>Журнал на урок</source>
        <translation>Lesson journal</translation>
    </message>
    <message>
        <location filename="../registries/journal/__init__.py" line="16"/>
        <source>Классный журнал</source>
        <translation>Class register</translation>
    </message>
    <message>
        <location filename="../registries/journal/__init__.py" line="17"/>
        <source>Журнал</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../registries/organisation/__init__.py" line="13"/>
        <source>Настройки организации</source>
        <translation>Organisation settings</translation>
    </message>
    <message>
        <location filename="../registries/organisation/__init__.py" line="15"/>
        <source>Администрирование</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="11"/>
        <location filename="../registries/sferum/__init__.py" line="21"/>
        <source>Реестры</source>
        <translation>Registries</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="16"/>
        <source>Сотрудники</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="26"/>
        <source>Ученики</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="36"/>
        <source>Выпускники и отчисленные</source>
        <translation>Graduates and expelled</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="45"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="55"/>
        <source>Классы</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../registries/timetable/__init__.py" line="14"/>
        <source>Расписание уроков</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="26"/>
        <source>Привязать аккаунт к Сферум</source>
        <translation>Link account to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="40"/>
        <location filename="../registries/sferum/__init__.py" line="53"/>
        <source>Сферум</source>
        <translation>Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="65"/>
        <source>Перейти в Сферум</source>
        <translation>Go to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="77"/>
        <source>МАХ (демо)</source>
        <translation>MAX (demo)</translation>
    </message>
</context>
<context>
    <name>RegistryWindow</name>
    <message>
        <location filename="../registries/base/registry_window.py" line="106"/>
        <source>Добавить</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="109"/>
        <source>Изменить</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="112"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="115"/>
        <location filename="../registries/base/registry_window.py" line="253"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="160"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="233"/>
        <source>Первая страница</source>
        <translation>First page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="236"/>
        <source>Предыдущая страница</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="238"/>
        <source>Страница</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="248"/>
        <source>Следующая страница</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="251"/>
        <source>Последняя страница</source>
        <translation>Last page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="295"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="382"/>
        <source>из {count}</source>
        <translation>of {count}</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="392"/>
        <source>Показано записей {first} - {last} из {total}</source>
        <translation>Showing records {first} - {last} of {total}</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="397"/>
        <source>Нет записей для отображения</source>
        <translation>No records to show</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../registries/roster/common.py" line="11"/>
        <source>Мать</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../registries/roster/common.py" line="12"/>
        <source>Отец</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../registries/roster/common.py" line="13"/>
        <source>Опекун</source>
        <translation>Guardian</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../registries/base/search_box.py" line="21"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../registries/base/search_box.py" line="32"/>
        <source>Очистить поиск</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <location filename="../registries/base/search_box.py" line="36"/>
        <source>Найти</source>
        <translation>Find</translation>
    </message>
</context>
<context>
    <name>SferumLabels</name>
    <message>
        <location filename="../registries/sferum/labels.py" line="19"/>
        <source>Учительский чат</source>
        <translation>Teachers&apos; chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="20"/>
        <source>Классный чат</source>
        <translation>Class chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="21"/>
        <source>Родительский чат</source>
        <translation>Parents&apos; chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="22"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="23"/>
        <source>Другое</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="26"/>
        <source>Синхронизирован</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="27"/>
        <source>Ожидает отправки</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="28"/>
        <location filename="../registries/sferum/labels.py" line="58"/>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="31"/>
        <source>Сотрудник</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="32"/>
        <source>Ученик</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="33"/>
        <source>Родитель</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="37"/>
        <source>Сотрудники</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="38"/>
        <source>Ученики</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="39"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="42"/>
        <source>В чате</source>
        <translation>In the chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="43"/>
        <source>Добавляется</source>
        <translation>Being added</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="44"/>
        <source>Не привязан к Сферум</source>
        <translation>Not linked to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="45"/>
        <source>Нет учетной записи</source>
        <translation>No account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="46"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="47"/>
        <source>Отказ платформы МАХ</source>
        <translation>Refused by the MAX platform</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="51"/>
        <source>Онлайн-урок</source>
        <translation>Online lesson</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="52"/>
        <source>Видеозвонок</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="55"/>
        <source>Новая</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="56"/>
        <source>Активная</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../registries/sferum/labels.py" line="57"/>
        <source>Завершена</source>
        <translation>Finished</translation>
    </message>
</context>
<context>
    <name>SferumLinkDialog</name>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="34"/>
        <source>Запрос на привязку отправлен на платформу МАХ. Перейдите на платформу МАХ, откройте вкладку «Сферум» и выберите чат от сообщества Сферум. В полученном сообщении проверьте свои данные и нажмите «Подключить» (или «Не подключать», если данные не ваши).</source>
        <translation>The link request has been sent to the MAX platform. Go to MAX, open the «Sferum» tab and choose the chat from the Sferum community. In the message there, check your details and press «Connect» (or «Do not connect» if they are not yours).</translation>
    </message>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="51"/>
        <source>Авторизация в Сферум</source>
        <translation>Sferum authorisation</translation>
    </message>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="56"/>
        <source>Укажите номер мобильного телефона, с которым вы зарегистрированы на платформе МАХ. На него придет запрос на привязку учебного аккаунта Сферум.</source>
        <translation>Enter the mobile number you registered with on the MAX platform. The request to link your Sferum education account will be sent to it.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="72"/>
        <source>Номер телефона</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="74"/>
        <source>Привязать учебный аккаунт Сферум</source>
        <translation>Link Sferum education account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/link_dialog.py" line="76"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SferumRegistryWindow</name>
    <message>
        <location filename="../registries/sferum/registry.py" line="261"/>
        <source>Сферум</source>
        <translation>Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="273"/>
        <source>Чаты</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="277"/>
        <source>Видеоконференции</source>
        <translation>Video conferences</translation>
    </message>
    <message>
        <location filename="../registries/sferum/registry.py" line="288"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SferumWebDialog</name>
    <message>
        <location filename="../registries/sferum/web_dialog.py" line="24"/>
        <source>Перейти в Сферум</source>
        <translation>Go to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/web_dialog.py" line="25"/>
        <source>Открываем Сферум…</source>
        <translation>Opening Sferum…</translation>
    </message>
    <message>
        <location filename="../registries/sferum/web_dialog.py" line="33"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/web_dialog.py" line="46"/>
        <source>Учетная запись не привязана к Сферум.</source>
        <translation>The account is not linked to Sferum.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/web_dialog.py" line="53"/>
        <source>Сферум открыт в браузере. Чтобы открыть его на телефоне, наведите камеру телефона на код.</source>
        <translation>Sferum is open in the browser. To open it on a phone, point the phone&apos;s camera at the code.</translation>
    </message>
</context>
<context>
    <name>SferumWindow</name>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="49"/>
        <source>Сферум</source>
        <translation>Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="51"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="54"/>
        <source>Перейти в Сферум</source>
        <translation>Go to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="56"/>
        <source>Отвязать учетную запись</source>
        <translation>Unlink account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="58"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="26"/>
        <source>Не доставлено на платформу МАХ</source>
        <translation>Not delivered to the MAX platform</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="30"/>
        <source>Действие</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="32"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="34"/>
        <source>Отклонено</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="36"/>
        <source>Ожидает отправки</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="41"/>
        <source>Попыток</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../registries/sferum/deliveries.py" line="46"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="101"/>
        <source>Учебный аккаунт Сферум привязан. Телефон: {phone}</source>
        <translation>The Sferum education account is linked. Phone: {phone}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="106"/>
        <source>Учетная запись не привязана к Сферум.</source>
        <translation>The account is not linked to Sferum.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="29"/>
        <source>Отвязать учетную запись ЭШ от учебного аккаунта Сферум?</source>
        <translation>Unlink the ESh account from the Sferum education account?</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="32"/>
        <source>Отвязать аккаунт от Сферума</source>
        <translation>Unlink account from Sferum</translation>
    </message>
</context>
<context>
    <name>StaffEditWindow</name>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="183"/>
        <source>Сотрудник</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="189"/>
        <source>Например: Учитель математики</source>
        <translation>For example: Mathematics teacher</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="192"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="207"/>
        <source>Тип должности</source>
        <translation>Position type</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="216"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="236"/>
        <source>Укажите должность.</source>
        <translation>Enter the position.</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="239"/>
        <source>Номер телефона должен соответствовать формату +7 (9XX) XXX-XX-XX.</source>
        <translation>The phone number must match the format +7 (9XX) XXX-XX-XX.</translation>
    </message>
</context>
<context>
    <name>StaffRegistry</name>
    <message>
        <location filename="../registries/roster/staff.py" line="26"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="27"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="29"/>
        <source>Тип должности</source>
        <translation>Position type</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="34"/>
        <source>Дата приема</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="35"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="36"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="37"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="50"/>
        <source>Сотрудники</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="60"/>
        <source>Уволить</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="90"/>
        <source>Уволить сотрудника {name} ({position})? Сотрудник будет исключен из чатов организации в Сферуме.</source>
        <translation>Dismiss staff member {name} ({position})? They will be removed from the organisation&apos;s chats in Sferum.</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="95"/>
        <source>Увольнение</source>
        <translation>Dismissal</translation>
    </message>
</context>
<context>
    <name>StudentChoiceDialog</name>
    <message>
        <location filename="../registries/roster/dialogs.py" line="133"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="134"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="136"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="149"/>
        <source>Связать</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="159"/>
        <source>Фамилия, имя или отчество ученика</source>
        <translation>Student&apos;s surname, first name or patronymic</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="162"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="187"/>
        <source>Выберите</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="193"/>
        <source>Кем приходится</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="204"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="212"/>
        <source>Показаны первые {shown} из {total}: уточните поиск</source>
        <translation>Showing the first {shown} of {total}: refine the search</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="216"/>
        <source>Найдено: {total}</source>
        <translation>Found: {total}</translation>
    </message>
    <message>
        <location filename="../registries/roster/dialogs.py" line="218"/>
        <source>Ученики не найдены</source>
        <translation>No students found</translation>
    </message>
</context>
<context>
    <name>StudentEditWindow</name>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="107"/>
        <source>Ученик</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="112"/>
        <source>ДД.ММ.ГГГГ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="115"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="119"/>
        <source>Выберите класс</source>
        <translation>Choose a class</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="124"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="133"/>
        <source>Дата зачисления</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="153"/>
        <source>Введите дату в виде ДД.ММ.ГГГГ.</source>
        <translation>Enter the date as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="157"/>
        <source>Дата рождения не может быть в будущем.</source>
        <translation>The date of birth cannot be in the future.</translation>
    </message>
    <message>
        <location filename="../registries/roster/edit_windows.py" line="161"/>
        <source>Выберите класс.</source>
        <translation>Choose a class.</translation>
    </message>
</context>
<context>
    <name>StudentsRegistry</name>
    <message>
        <location filename="../registries/roster/students.py" line="28"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="29"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="31"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="37"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="42"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="43"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="63"/>
        <source>Ученики</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="74"/>
        <source>Все классы</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="76"/>
        <source>Класс:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="82"/>
        <source>Перевести в другой класс</source>
        <translation>Transfer to another class</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="88"/>
        <source>Отчислить</source>
        <translation>Expel</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="147"/>
        <source>Перевести ученика {name} в другой класс.</source>
        <translation>Transfer student {name} to another class.</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="151"/>
        <source>Перевести выбранных учеников ({count}) в другой класс.</source>
        <translation>Transfer the selected students ({count}) to another class.</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="156"/>
        <source>Перевод в другой класс</source>
        <translation>Transfer to another class</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="158"/>
        <source>Перевести</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="174"/>
        <source>Отчислить ученика {name}? Ученик перейдет в реестр «Выпускники и отчисленные» и будет исключен из чатов класса в Сферуме.</source>
        <translation>Expel student {name}? The student will move to the «Graduates and expelled» registry and will be removed from the class chats in Sferum.</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="179"/>
        <source>Отчисление</source>
        <translation>Expulsion</translation>
    </message>
</context>
<context>
    <name>Taskbar</name>
    <message>
        <location filename="../desktop/main_window.py" line="71"/>
        <source>Пуск</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="87"/>
        <source>Выход</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>TimetableRegistry</name>
    <message>
        <location filename="../registries/timetable/window.py" line="20"/>
        <source>Пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="21"/>
        <source>Вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="22"/>
        <source>Ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="23"/>
        <source>Чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="24"/>
        <source>Пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="25"/>
        <source>Сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="26"/>
        <source>Вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="32"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="34"/>
        <source>День</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="40"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="43"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="48"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="49"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="51"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="54"/>
        <source>Учитель</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="68"/>
        <source>Расписание уроков</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="83"/>
        <source>Предыдущая неделя</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="87"/>
        <source>Следующая неделя</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="89"/>
        <source>Неделя:</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="95"/>
        <source>Мои уроки</source>
        <translation>My lessons</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="96"/>
        <source>Все классы</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../registries/timetable/window.py" line="97"/>
        <source>Класс:</source>
        <translation>Class:</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../registries/base/table_model.py" line="55"/>
        <source>Да</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../registries/base/table_model.py" line="55"/>
        <source>Нет</source>
        <translation>No</translation>
    </message>
</context>
</TS>
