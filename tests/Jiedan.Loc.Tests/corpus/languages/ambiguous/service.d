#!/bin/sh
# an init.d script named .d
echo starting

exit 0
