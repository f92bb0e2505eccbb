"""The ЭШ desktop shell: start-up, login window, desktop, «Пуск», taskbar, windows."""
