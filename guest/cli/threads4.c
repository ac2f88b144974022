/* Four threads hammer an atomic counter, a mutex-protected counter and a condition-variable
 * queue; every count must come out exact. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 20000

static long atomic_count, locked_count, consumed, produced_sum, consumed_sum;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER, nonfull = PTHREAD_COND_INITIALIZER;
static long queue[16];
static int head, size;

static void *worker(void *arg) {
    long id = (long) arg;
    for (int i = 0; i < ROUNDS; i++) {
        __atomic_fetch_add(&atomic_count, 1, __ATOMIC_SEQ_CST);
        pthread_mutex_lock(&lock);
        locked_count++;
        pthread_mutex_unlock(&lock);
        if (id % 2 == 0) {                      /* producers */
            pthread_mutex_lock(&qlock);
            while (size == 16) pthread_cond_wait(&nonfull, &qlock);
            queue[(head + size++) % 16] = i + 1;
            produced_sum += i + 1;
            pthread_cond_signal(&nonempty);
            pthread_mutex_unlock(&qlock);
        } else {                                /* consumers */
            pthread_mutex_lock(&qlock);
            while (size == 0) pthread_cond_wait(&nonempty, &qlock);
            consumed_sum += queue[head];
            head = (head + 1) % 16;
            size--;
            consumed++;
            pthread_cond_signal(&nonfull);
            pthread_mutex_unlock(&qlock);
        }
    }
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, worker, (void *) i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    printf("atomic %ld locked %ld consumed %ld sums %s\n", atomic_count, locked_count, consumed,
           produced_sum == consumed_sum ? "equal" : "DIFFER");
    return atomic_count == THREADS * ROUNDS && locked_count == THREADS * ROUNDS ? 0 : 1;
}
