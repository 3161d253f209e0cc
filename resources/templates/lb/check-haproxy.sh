#!/bin/sh
# Rendered by Kubeyard. Healthy when haproxy accepts a connection on the apiserver port locally.
exec /usr/bin/timeout 2 /bin/bash -c '</dev/tcp/127.0.0.1/{{apiserverPort}}'
