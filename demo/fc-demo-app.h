#pragma once

int fc_demo_app_run (const char *page_path);
