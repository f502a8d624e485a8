#!/usr/bin/env node
// The hetki-collector command: runs the built collector (dist/, made by build.mjs).
import { main } from '../dist/cli.js'

await main()
