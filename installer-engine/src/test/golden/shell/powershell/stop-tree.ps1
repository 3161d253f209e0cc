taskkill /T /F /PID 4242 | Out-Null
exit 0
