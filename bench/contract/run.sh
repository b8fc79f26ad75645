#!/usr/bin/env bash
# Requirement → contract time per requirement, over the contract tests' requirement files (release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/contract -c Release -nologo -v q
dotnet bench/contract/bin/Release/net10.0/Jiedan.Bench.Contract.dll tests/Jiedan.Contract.Tests/requirements/*.yml
