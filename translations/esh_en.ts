<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
<context>
    <name>DesktopApplication</name>
    <message>
        <location filename="../desktop/application.py" line="45"/>
        <source>Демонстрационная школа «МБОУ СОШ № 7». Логины: klass (классный руководитель), uchitel (учитель), chatadmin (администратор чатов), admin (администратор), uchenik (ученик), roditel (родитель). Пароль для всех: demo</source>
        <translation>Demo school «МБОУ СОШ № 7». Logins: klass (class teacher), uchitel (teacher), chatadmin (chat administrator), admin (administrator), uchenik (student), roditel (parent). Password for all: demo</translation>
    </message>
    <message>
        <location filename="../desktop/application.py" line="246"/>
        <source>Завершить работу и выйти из системы?</source>
        <translation>Finish work and log out?</translation>
    </message>
    <message>
        <location filename="../desktop/application.py" line="287"/>
        <source>База данных пуста. Создать демонстрационную школу, чтобы познакомиться с программой?</source>
        <translation>The database is empty. Create a demo school to get to know the program?</translation>
    </message>
</context>
<context>
    <name>DesktopWindow</name>
    <message>
        <location filename="../desktop/main_window.py" line="153"/>
        <source>Электронная школа — {organisation}</source>
        <translation>Electronic School — {organisation}</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="191"/>
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
        <location filename="../registries/base/edit_window.py" line="186"/>
        <source>Проверьте правильность заполнения полей.</source>
        <translation>Please check the fields.</translation>
    </message>
    <message>
        <location filename="../registries/base/edit_window.py" line="222"/>
        <source>Данные были изменены. Закрыть окно без сохранения изменений?</source>
        <translation>The data has been changed. Close the window without saving the changes?</translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <location filename="../registries/journal/window.py" line="36"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="38"/>
        <source>Время</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="43"/>
        <source>Класс/Группа</source>
        <translation>Class/Group</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="44"/>
        <source>Предмет</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="54"/>
        <source>Журнал на урок</source>
        <translation>Lesson journal</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="62"/>
        <source>Предыдущий день</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="73"/>
        <source>Следующий день</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="76"/>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="79"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="94"/>
        <source>На выбранную дату уроков нет.</source>
        <translation>No lessons on the chosen date.</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="112"/>
        <source>Класс/Группа:</source>
        <translation>Class/Group:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="113"/>
        <source>Предмет:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="114"/>
        <source>Время:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="115"/>
        <source>Тема:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="116"/>
        <source>Урок</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="123"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="172"/>
        <source>{number} урок, {start}–{end}</source>
        <translation>lesson {number}, {start}–{end}</translation>
    </message>
    <message>
        <location filename="../registries/journal/window.py" line="178"/>
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
        <location filename="../registries/sferum/max_demo_window.py" line="34"/>
        <source>МАХ (демо)</source>
        <translation>MAX (demo)</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="37"/>
        <source>Вкладка «Сферум» — чат сообщества Сферум</source>
        <translation>«Sferum» tab — the Sferum community chat</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="39"/>
        <location filename="../registries/sferum/max_demo_window.py" line="89"/>
        <source>Сообщений пока нет.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="42"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="43"/>
        <source>Не подключать</source>
        <translation>Do not connect</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="46"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="60"/>
        <source>Демонстрация: так выглядит платформа МАХ на телефоне пользователя.</source>
        <translation>Demonstration: this is how the MAX platform looks on the user&apos;s phone.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/max_demo_window.py" line="94"/>
        <source>Пользователь МАХ: {phone}</source>
        <translation>MAX user: {phone}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../registries/base/messages.py" line="38"/>
        <source>Подтверждение</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../registries/base/messages.py" line="41"/>
        <source>Да</source>
        <translation>Yes</translation>
    </message>
    <message>
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
        <location filename="../registries/base/messages.py" line="52"/>
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
        <source>Ок</source>
        <translation>OK</translation>
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
        <location filename="../registries/roster/parents.py" line="25"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="26"/>
        <source>Дети</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="28"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="30"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="31"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/parents.py" line="42"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
</context>
<context>
    <name>Registries</name>
    <message>
        <location filename="../registries/journal/__init__.py" line="14"/>
        <source>Журнал на урок</source>
        <translation>Lesson journal</translation>
    </message>
    <message>
        <location filename="../registries/journal/__init__.py" line="17"/>
        <source>Классный журнал</source>
        <translation>Class register</translation>
    </message>
    <message>
        <location filename="../registries/journal/__init__.py" line="18"/>
        <source>Журнал</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../registries/organisation/__init__.py" line="14"/>
        <source>Настройки организации</source>
        <translation>Organisation settings</translation>
    </message>
    <message>
        <location filename="../registries/organisation/__init__.py" line="16"/>
        <source>Администрирование</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="13"/>
        <location filename="../registries/sferum/__init__.py" line="19"/>
        <source>Реестры</source>
        <translation>Registries</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="18"/>
        <source>Сотрудники</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="28"/>
        <source>Ученики</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/roster/__init__.py" line="38"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/timetable/__init__.py" line="15"/>
        <source>Расписание уроков</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="24"/>
        <source>Привязать аккаунт к Сферум</source>
        <translation>Link account to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="36"/>
        <source>Сферум</source>
        <translation>Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="47"/>
        <source>Перейти в Сферум</source>
        <translation>Go to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/__init__.py" line="59"/>
        <source>МАХ (демо)</source>
        <translation>MAX (demo)</translation>
    </message>
</context>
<context>
    <name>RegistryWindow</name>
    <message>
        <location filename="../registries/base/registry_window.py" line="97"/>
        <source>Добавить</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="100"/>
        <source>Изменить</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="103"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="106"/>
        <location filename="../registries/base/registry_window.py" line="224"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="151"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="204"/>
        <source>Первая страница</source>
        <translation>First page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="207"/>
        <source>Предыдущая страница</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="209"/>
        <source>Страница</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="219"/>
        <source>Следующая страница</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="222"/>
        <source>Последняя страница</source>
        <translation>Last page</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="255"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="330"/>
        <source>из {count}</source>
        <translation>of {count}</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="340"/>
        <source>Показано записей {first} - {last} из {total}</source>
        <translation>Showing records {first} - {last} of {total}</translation>
    </message>
    <message>
        <location filename="../registries/base/registry_window.py" line="345"/>
        <source>Нет записей для отображения</source>
        <translation>No records to show</translation>
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
        <location filename="../registries/sferum/sferum_window.py" line="34"/>
        <source>Сферум</source>
        <translation>Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="36"/>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="39"/>
        <source>Перейти в Сферум</source>
        <translation>Go to Sferum</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="41"/>
        <source>Отвязать учетную запись</source>
        <translation>Unlink account</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="43"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="47"/>
        <source>Не доставлено на платформу МАХ</source>
        <translation>Not delivered to the MAX platform</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="51"/>
        <source>Действие</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="53"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="54"/>
        <source>Отклонено</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="54"/>
        <source>Ожидает отправки</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="57"/>
        <source>Попыток</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="58"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="108"/>
        <source>Учебный аккаунт Сферум привязан. Телефон: {phone}</source>
        <translation>The Sferum education account is linked. Phone: {phone}</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="113"/>
        <source>Учетная запись не привязана к Сферум.</source>
        <translation>The account is not linked to Sferum.</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="125"/>
        <source>Отвязать учетную запись ЭШ от учебного аккаунта Сферум?</source>
        <translation>Unlink the ESh account from the Sferum education account?</translation>
    </message>
    <message>
        <location filename="../registries/sferum/sferum_window.py" line="126"/>
        <source>Отвязать аккаунт от Сферума</source>
        <translation>Unlink account from Sferum</translation>
    </message>
</context>
<context>
    <name>StaffRegistry</name>
    <message>
        <location filename="../registries/roster/staff.py" line="19"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="20"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="22"/>
        <source>Тип должности</source>
        <translation>Position type</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="27"/>
        <source>Дата приема</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="28"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="29"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="30"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/staff.py" line="41"/>
        <source>Сотрудники</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>StudentsRegistry</name>
    <message>
        <location filename="../registries/roster/students.py" line="18"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="19"/>
        <source>Класс</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="21"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="27"/>
        <source>Родители</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="32"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="33"/>
        <source>Заблокирован</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="44"/>
        <source>Ученики</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="51"/>
        <source>Все классы</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../registries/roster/students.py" line="53"/>
        <source>Класс:</source>
        <translation>Class:</translation>
    </message>
</context>
<context>
    <name>Taskbar</name>
    <message>
        <location filename="../desktop/main_window.py" line="69"/>
        <source>Пуск</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="85"/>
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
        <location filename="../registries/base/table_model.py" line="45"/>
        <source>Да</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../registries/base/table_model.py" line="45"/>
        <source>Нет</source>
        <translation>No</translation>
    </message>
</context>
</TS>
