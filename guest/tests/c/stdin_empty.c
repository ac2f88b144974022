/* Empty stdin: first read returns 0. */
#include "t.h"
int main(void)
{
    char b[16];
    CHECK("read(0) returns 0", read(0, b, sizeof b) == 0);
    CHECK("getchar EOF", getchar() == EOF);
    return 0;
}
