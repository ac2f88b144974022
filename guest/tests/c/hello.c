/* Minimal glibc program: printf and return 0. */
#include <stdio.h>
int main(void)
{
    printf("hello, world\n");
    return 0;
}
