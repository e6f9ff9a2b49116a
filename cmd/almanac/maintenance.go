package main

// maintenanceCommands are the commands that look after a database file.
var maintenanceCommands []command
