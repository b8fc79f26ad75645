{% set pkg = 'nginx' %}
# SaltStack state
nginx:
  pkg.installed: []

{% from "map.jinja" import map %}
