#include "sct_server.h"
