/*
 * tracer_names.h - the tables of the tracer server (guest/servers/tracer.c): system-call
 * names and argument kinds, errno names and messages, signal names, and the flag sets it
 * decodes. Included by tracer.c only.
 *
 * An argument kind is one letter; a '>' before it marks an argument the call fills in
 * (decoded after the call, and only if it succeeded):
 *   d int          l long          u unsigned long   x hex         p pointer (NULL)
 *   o octal mode   f fd (AT_FDCWD) s path string     W buffer the call reads (length: next arg)
 *   R buffer the call fills (length: the result)     Q string the call fills (getcwd)
 *   v iovec array the call reads (count: next arg)   V iovec array the call fills
 *   O open flags   L O_CLOEXEC/O_NONBLOCK-style flags (no access mode)
 *   P mmap prot    M mmap flags    m mremap flags    S signal      C clone flags
 *   c struct clone_args            A AT_* flags      U unlinkat flags
 *   F fcntl command (decodes the next argument too)  E lseek whence
 *   X futex op     K clock id      H sigprocmask how k sigset      a struct sigaction
 *   e argv array   n envp array (count only)         I int[2] (pipe fds)
 *   t struct timespec              w wait status     Z wait options
 *   r rlimit resource              i ioctl request   j access mode     g getrandom flags
 *   h madvise advice               T itimer
 *   Y subcontext rights (SC_R|SC_W|SC_X)             G subcontext flags
 */
#ifndef TRACER_NAMES_H
#define TRACER_NAMES_H

/* Flags of a table entry. */
#define SY_HEX    1     /* the result is an address: shown in hex (mmap, brk, mremap) */
#define SY_NORET  2     /* does not come back when it succeeds: shown before the call, " = ?" */
#define SY_EXIT   4     /* ends the thread (exit) or the process (exit_group) */

struct sysent {
    const char *name;
    const char *args;
    unsigned char flags;
};

#define NR_LINUX 463
static const struct sysent linux_calls[NR_LINUX] = {
    [0] = {"io_setup", "up", 0},
    [1] = {"io_destroy", "x", 0},
    [2] = {"io_submit", "xlp", 0},
    [3] = {"io_cancel", "xpp", 0},
    [4] = {"io_getevents", "xllpp", 0},
    [5] = {"setxattr", "sspud", 0},
    [6] = {"lsetxattr", "sspud", 0},
    [7] = {"fsetxattr", "fspud", 0},
    [8] = {"getxattr", "sspu", 0},
    [9] = {"lgetxattr", "sspu", 0},
    [10] = {"fgetxattr", "fspu", 0},
    [11] = {"listxattr", "spu", 0},
    [12] = {"llistxattr", "spu", 0},
    [13] = {"flistxattr", "fpu", 0},
    [14] = {"removexattr", "ss", 0},
    [15] = {"lremovexattr", "ss", 0},
    [16] = {"fremovexattr", "fs", 0},
    [17] = {"getcwd", ">Qu", 0},
    [18] = {"lookup_dcookie", "xpu", 0},
    [19] = {"eventfd2", "dL", 0},
    [20] = {"epoll_create1", "L", 0},
    [21] = {"epoll_ctl", "fdfp", 0},
    [22] = {"epoll_pwait", "fpddpu", 0},
    [23] = {"dup", "f", 0},
    [24] = {"dup3", "ffL", 0},
    [25] = {"fcntl", "fFx", 0},
    [26] = {"inotify_init1", "L", 0},
    [27] = {"inotify_add_watch", "fsx", 0},
    [28] = {"inotify_rm_watch", "fd", 0},
    [29] = {"ioctl", "fix", 0},
    [30] = {"ioprio_set", "ddd", 0},
    [31] = {"ioprio_get", "dd", 0},
    [32] = {"flock", "fd", 0},
    [33] = {"mknodat", "fsox", 0},
    [34] = {"mkdirat", "fso", 0},
    [35] = {"unlinkat", "fsU", 0},
    [36] = {"symlinkat", "sfs", 0},
    [37] = {"linkat", "fsfsA", 0},
    [38] = {"renameat", "fsfs", 0},
    [39] = {"umount2", "sx", 0},
    [40] = {"mount", "sssxp", 0},
    [41] = {"pivot_root", "ss", 0},
    [42] = {"nfsservctl", "xpp", 0},
    [43] = {"statfs", "sp", 0},
    [44] = {"fstatfs", "fp", 0},
    [45] = {"truncate", "sl", 0},
    [46] = {"ftruncate", "fl", 0},
    [47] = {"fallocate", "fdll", 0},
    [48] = {"faccessat", "fsj", 0},
    [49] = {"chdir", "s", 0},
    [50] = {"fchdir", "f", 0},
    [51] = {"chroot", "s", 0},
    [52] = {"fchmod", "fo", 0},
    [53] = {"fchmodat", "fso", 0},
    [54] = {"fchownat", "fsddA", 0},
    [55] = {"fchown", "fdd", 0},
    [56] = {"openat", "fsOo", 0},
    [57] = {"close", "f", 0},
    [58] = {"vhangup", "", 0},
    [59] = {"pipe2", ">IL", 0},
    [60] = {"quotactl", "xsdp", 0},
    [61] = {"getdents64", "fpu", 0},
    [62] = {"lseek", "flE", 0},
    [63] = {"read", "f>Ru", 0},
    [64] = {"write", "fWu", 0},
    [65] = {"readv", "f>Vd", 0},
    [66] = {"writev", "fvd", 0},
    [67] = {"pread64", "f>Rul", 0},
    [68] = {"pwrite64", "fWul", 0},
    [69] = {"preadv", "f>Vdl", 0},
    [70] = {"pwritev", "fvdl", 0},
    [71] = {"sendfile", "ffpu", 0},
    [72] = {"pselect6", "dppppp", 0},
    [73] = {"ppoll", "pdppu", 0},
    [74] = {"signalfd4", "fpuL", 0},
    [75] = {"vmsplice", "fpux", 0},
    [76] = {"splice", "fpfpux", 0},
    [77] = {"tee", "ffux", 0},
    [78] = {"readlinkat", "fs>Ru", 0},
    [79] = {"newfstatat", "fspA", 0},
    [80] = {"fstat", "fp", 0},
    [81] = {"sync", "", 0},
    [82] = {"fsync", "f", 0},
    [83] = {"fdatasync", "f", 0},
    [84] = {"sync_file_range", "fllx", 0},
    [85] = {"timerfd_create", "KL", 0},
    [86] = {"timerfd_settime", "fxpp", 0},
    [87] = {"timerfd_gettime", "fp", 0},
    [88] = {"utimensat", "fspA", 0},
    [89] = {"acct", "s", 0},
    [90] = {"capget", "pp", 0},
    [91] = {"capset", "pp", 0},
    [92] = {"personality", "x", 0},
    [93] = {"exit", "d", SY_NORET | SY_EXIT},
    [94] = {"exit_group", "d", SY_NORET | SY_EXIT},
    [95] = {"waitid", "ddpZp", 0},
    [96] = {"set_tid_address", "p", 0},
    [97] = {"unshare", "C", 0},
    [98] = {"futex", "pXdppx", 0},
    [99] = {"set_robust_list", "pu", 0},
    [100] = {"get_robust_list", "dpp", 0},
    [101] = {"nanosleep", "tp", 0},
    [102] = {"getitimer", "Tp", 0},
    [103] = {"setitimer", "Tpp", 0},
    [104] = {"kexec_load", "xupx", 0},
    [105] = {"init_module", "pus", 0},
    [106] = {"delete_module", "sx", 0},
    [107] = {"timer_create", "Kpp", 0},
    [108] = {"timer_gettime", "dp", 0},
    [109] = {"timer_getoverrun", "d", 0},
    [110] = {"timer_settime", "dxpp", 0},
    [111] = {"timer_delete", "d", 0},
    [112] = {"clock_settime", "Kp", 0},
    [113] = {"clock_gettime", "K>t", 0},
    [114] = {"clock_getres", "K>t", 0},
    [115] = {"clock_nanosleep", "Kxtp", 0},
    [116] = {"syslog", "dpd", 0},
    [117] = {"ptrace", "ddpp", 0},
    [118] = {"sched_setparam", "dp", 0},
    [119] = {"sched_setscheduler", "ddp", 0},
    [120] = {"sched_getscheduler", "d", 0},
    [121] = {"sched_getparam", "dp", 0},
    [122] = {"sched_setaffinity", "dup", 0},
    [123] = {"sched_getaffinity", "dup", 0},
    [124] = {"sched_yield", "", 0},
    [125] = {"sched_get_priority_max", "d", 0},
    [126] = {"sched_get_priority_min", "d", 0},
    [127] = {"sched_rr_get_interval", "dp", 0},
    [128] = {"restart_syscall", "", 0},
    [129] = {"kill", "dS", 0},
    [130] = {"tkill", "dS", 0},
    [131] = {"tgkill", "ddS", 0},
    [132] = {"sigaltstack", "pp", 0},
    [133] = {"rt_sigsuspend", "ku", 0},
    [134] = {"rt_sigaction", "Sa>au", 0},
    [135] = {"rt_sigprocmask", "Hk>ku", 0},
    [136] = {"rt_sigpending", ">ku", 0},
    [137] = {"rt_sigtimedwait", "kppu", 0},
    [138] = {"rt_sigqueueinfo", "dSp", 0},
    [139] = {"rt_sigreturn", "", SY_NORET},
    [140] = {"setpriority", "ddd", 0},
    [141] = {"getpriority", "dd", 0},
    [142] = {"reboot", "xxxp", 0},
    [143] = {"setregid", "dd", 0},
    [144] = {"setgid", "d", 0},
    [145] = {"setreuid", "dd", 0},
    [146] = {"setuid", "d", 0},
    [147] = {"setresuid", "ddd", 0},
    [148] = {"getresuid", "ppp", 0},
    [149] = {"setresgid", "ddd", 0},
    [150] = {"getresgid", "ppp", 0},
    [151] = {"setfsuid", "d", 0},
    [152] = {"setfsgid", "d", 0},
    [153] = {"times", "p", 0},
    [154] = {"setpgid", "dd", 0},
    [155] = {"getpgid", "d", 0},
    [156] = {"getsid", "d", 0},
    [157] = {"setsid", "", 0},
    [158] = {"getgroups", "dp", 0},
    [159] = {"setgroups", "dp", 0},
    [160] = {"uname", "p", 0},
    [161] = {"sethostname", "Wu", 0},
    [162] = {"setdomainname", "Wu", 0},
    [163] = {"getrlimit", "rp", 0},
    [164] = {"setrlimit", "rp", 0},
    [165] = {"getrusage", "dp", 0},
    [166] = {"umask", "o", 0},
    [167] = {"prctl", "dxxxx", 0},
    [168] = {"getcpu", "ppp", 0},
    [169] = {"gettimeofday", "pp", 0},
    [170] = {"settimeofday", "pp", 0},
    [171] = {"adjtimex", "p", 0},
    [172] = {"getpid", "", 0},
    [173] = {"getppid", "", 0},
    [174] = {"getuid", "", 0},
    [175] = {"geteuid", "", 0},
    [176] = {"getgid", "", 0},
    [177] = {"getegid", "", 0},
    [178] = {"gettid", "", 0},
    [179] = {"sysinfo", "p", 0},
    [180] = {"mq_open", "sOop", 0},
    [181] = {"mq_unlink", "s", 0},
    [182] = {"mq_timedsend", "dWudp", 0},
    [183] = {"mq_timedreceive", "d>Rupp", 0},
    [184] = {"mq_notify", "dp", 0},
    [185] = {"mq_getsetattr", "dpp", 0},
    [186] = {"msgget", "xx", 0},
    [187] = {"msgctl", "ddp", 0},
    [188] = {"msgrcv", "dpuld", 0},
    [189] = {"msgsnd", "dpud", 0},
    [190] = {"semget", "xdx", 0},
    [191] = {"semctl", "dddx", 0},
    [192] = {"semtimedop", "dpup", 0},
    [193] = {"semop", "dpu", 0},
    [194] = {"shmget", "xux", 0},
    [195] = {"shmctl", "ddp", 0},
    [196] = {"shmat", "dpx", SY_HEX},
    [197] = {"shmdt", "p", 0},
    [198] = {"socket", "ddd", 0},
    [199] = {"socketpair", "dddp", 0},
    [200] = {"bind", "fpd", 0},
    [201] = {"listen", "fd", 0},
    [202] = {"accept", "fpp", 0},
    [203] = {"connect", "fpd", 0},
    [204] = {"getsockname", "fpp", 0},
    [205] = {"getpeername", "fpp", 0},
    [206] = {"sendto", "fWuxpd", 0},
    [207] = {"recvfrom", "f>Ruxpp", 0},
    [208] = {"setsockopt", "fddpd", 0},
    [209] = {"getsockopt", "fddpp", 0},
    [210] = {"shutdown", "fd", 0},
    [211] = {"sendmsg", "fpx", 0},
    [212] = {"recvmsg", "fpx", 0},
    [213] = {"readahead", "flu", 0},
    [214] = {"brk", "p", SY_HEX},
    [215] = {"munmap", "pu", 0},
    [216] = {"mremap", "puump", SY_HEX},
    [217] = {"add_key", "sspud", 0},
    [218] = {"request_key", "sssd", 0},
    [219] = {"keyctl", "dxxxx", 0},
    [220] = {"clone", "Cpppp", 0},
    [221] = {"execve", "sen", SY_NORET},
    [222] = {"mmap", "puPMfx", SY_HEX},
    [223] = {"fadvise64", "flld", 0},
    [224] = {"swapon", "sx", 0},
    [225] = {"swapoff", "s", 0},
    [226] = {"mprotect", "puP", 0},
    [227] = {"msync", "pux", 0},
    [228] = {"mlock", "pu", 0},
    [229] = {"munlock", "pu", 0},
    [230] = {"mlockall", "x", 0},
    [231] = {"munlockall", "", 0},
    [232] = {"mincore", "pup", 0},
    [233] = {"madvise", "puh", 0},
    [234] = {"remap_file_pages", "puddx", 0},
    [235] = {"mbind", "puxpux", 0},
    [236] = {"get_mempolicy", "ppuxx", 0},
    [237] = {"set_mempolicy", "dpu", 0},
    [238] = {"migrate_pages", "dupp", 0},
    [239] = {"move_pages", "dupppx", 0},
    [240] = {"rt_tgsigqueueinfo", "ddSp", 0},
    [241] = {"perf_event_open", "pddfx", 0},
    [242] = {"accept4", "fppL", 0},
    [243] = {"recvmmsg", "fpuxp", 0},
    [258] = {"riscv_hwprobe", "puupx", 0},
    [259] = {"riscv_flush_icache", "ppx", 0},
    [260] = {"wait4", "d>wZp", 0},
    [261] = {"prlimit64", "drpp", 0},
    [262] = {"fanotify_init", "xx", 0},
    [263] = {"fanotify_mark", "fxxfs", 0},
    [264] = {"name_to_handle_at", "fsppA", 0},
    [265] = {"open_by_handle_at", "fpO", 0},
    [266] = {"clock_adjtime", "Kp", 0},
    [267] = {"syncfs", "f", 0},
    [268] = {"setns", "fC", 0},
    [269] = {"sendmmsg", "fpux", 0},
    [270] = {"process_vm_readv", "dpupux", 0},
    [271] = {"process_vm_writev", "dpupux", 0},
    [272] = {"kcmp", "ddduu", 0},
    [273] = {"finit_module", "fsx", 0},
    [274] = {"sched_setattr", "dpx", 0},
    [275] = {"sched_getattr", "dpux", 0},
    [276] = {"renameat2", "fsfsx", 0},
    [277] = {"seccomp", "dxp", 0},
    [278] = {"getrandom", ">Rug", 0},
    [279] = {"memfd_create", "sx", 0},
    [280] = {"bpf", "dpu", 0},
    [281] = {"execveat", "fsenA", SY_NORET},
    [282] = {"userfaultfd", "L", 0},
    [283] = {"membarrier", "dxd", 0},
    [284] = {"mlock2", "pux", 0},
    [285] = {"copy_file_range", "fpfpux", 0},
    [286] = {"preadv2", "f>Vdlx", 0},
    [287] = {"pwritev2", "fvdlx", 0},
    [288] = {"pkey_mprotect", "puPd", 0},
    [289] = {"pkey_alloc", "xx", 0},
    [290] = {"pkey_free", "d", 0},
    [291] = {"statx", "fsAxp", 0},
    [292] = {"io_pgetevents", "xllppp", 0},
    [293] = {"rseq", "pudx", 0},
    [294] = {"kexec_file_load", "ffusx", 0},
    [424] = {"pidfd_send_signal", "fSpx", 0},
    [425] = {"io_uring_setup", "up", 0},
    [426] = {"io_uring_enter", "fuuxpu", 0},
    [427] = {"io_uring_register", "fupu", 0},
    [428] = {"open_tree", "fsx", 0},
    [429] = {"move_mount", "fsfsx", 0},
    [430] = {"fsopen", "sx", 0},
    [431] = {"fsconfig", "fdspd", 0},
    [432] = {"fsmount", "fxx", 0},
    [433] = {"fspick", "fsx", 0},
    [434] = {"pidfd_open", "dx", 0},
    [435] = {"clone3", "cu", 0},
    [436] = {"close_range", "ddx", 0},
    [437] = {"openat2", "fspu", 0},
    [438] = {"pidfd_getfd", "ffx", 0},
    [439] = {"faccessat2", "fsjA", 0},
    [440] = {"process_madvise", "fpudx", 0},
    [441] = {"epoll_pwait2", "fpdppu", 0},
    [442] = {"mount_setattr", "fsxpu", 0},
    [443] = {"quotactl_fd", "fxdp", 0},
    [444] = {"landlock_create_ruleset", "pux", 0},
    [445] = {"landlock_add_rule", "fdpx", 0},
    [446] = {"landlock_restrict_self", "fx", 0},
    [447] = {"memfd_secret", "x", 0},
    [448] = {"process_mrelease", "fx", 0},
    [449] = {"futex_waitv", "pdxpK", 0},
    [450] = {"set_mempolicy_home_node", "puux", 0},
    [451] = {"cachestat", "fppx", 0},
    [452] = {"fchmodat2", "fsoA", 0},
    [453] = {"map_shadow_stack", "pux", SY_HEX},
    [454] = {"futex_wake", "pxdx", 0},
    [455] = {"futex_wait", "pxxxpK", 0},
    [456] = {"futex_requeue", "pxdd", 0},
    [457] = {"statmount", "ppux", 0},
    [458] = {"listmount", "ppux", 0},
    [459] = {"lsm_get_self_attr", "dppx", 0},
    [460] = {"lsm_set_self_attr", "dpux", 0},
    [461] = {"lsm_list_modules", "ppx", 0},
    [462] = {"mseal", "pux", 0},
};

/* The Subcons calls, 0x5C00 + i (SPEC section 9; names as in subcons.h). */
#define NR_SC 17
static const struct sysent sc_calls[NR_SC] = {
    {"sc_self", "", 0},
    {"sc_create", "sG", 0},
    {"sc_attach", "ldG", 0},
    {"sc_detach", "ld", 0},
    {"sc_mmap", "lpuPMfx", SY_HEX},      /* 7 arguments: the offset is a6 */
    {"sc_munmap", "lpu", 0},
    {"sc_mprotect", "lpuP", 0},
    {"sc_grant", "llY", 0},
    {"sc_entry", "llpd", 0},
    {"sc_handler", "llpx", 0},
    {"sc_return", "l", 0},
    {"sc_frame", "dp", 0},
    {"sc_info", "lp", 0},
    {"sc_load", "lsp", 0},
    {"sc_control", "ll", 0},
    {"sc_owner", "p", 0},
    {"sc_pass", "", 0},
};

static const struct sysent *sysent_of(long nr) {
    if (nr >= 0 && nr < NR_LINUX && linux_calls[nr].name) return &linux_calls[nr];
    if (nr >= SC_NR_SELF && nr < SC_NR_SELF + NR_SC) return &sc_calls[nr - SC_NR_SELF];
    return 0;
}

/* ---- errno ---- */

struct errent {
    const char *name, *text;
};

#define NR_ERRNO 134
static const struct errent errnos[NR_ERRNO] = {
    [1] = {"EPERM", "Operation not permitted"},
    [2] = {"ENOENT", "No such file or directory"},
    [3] = {"ESRCH", "No such process"},
    [4] = {"EINTR", "Interrupted system call"},
    [5] = {"EIO", "Input/output error"},
    [6] = {"ENXIO", "No such device or address"},
    [7] = {"E2BIG", "Argument list too long"},
    [8] = {"ENOEXEC", "Exec format error"},
    [9] = {"EBADF", "Bad file descriptor"},
    [10] = {"ECHILD", "No child processes"},
    [11] = {"EAGAIN", "Resource temporarily unavailable"},
    [12] = {"ENOMEM", "Cannot allocate memory"},
    [13] = {"EACCES", "Permission denied"},
    [14] = {"EFAULT", "Bad address"},
    [15] = {"ENOTBLK", "Block device required"},
    [16] = {"EBUSY", "Device or resource busy"},
    [17] = {"EEXIST", "File exists"},
    [18] = {"EXDEV", "Invalid cross-device link"},
    [19] = {"ENODEV", "No such device"},
    [20] = {"ENOTDIR", "Not a directory"},
    [21] = {"EISDIR", "Is a directory"},
    [22] = {"EINVAL", "Invalid argument"},
    [23] = {"ENFILE", "Too many open files in system"},
    [24] = {"EMFILE", "Too many open files"},
    [25] = {"ENOTTY", "Inappropriate ioctl for device"},
    [26] = {"ETXTBSY", "Text file busy"},
    [27] = {"EFBIG", "File too large"},
    [28] = {"ENOSPC", "No space left on device"},
    [29] = {"ESPIPE", "Illegal seek"},
    [30] = {"EROFS", "Read-only file system"},
    [31] = {"EMLINK", "Too many links"},
    [32] = {"EPIPE", "Broken pipe"},
    [33] = {"EDOM", "Numerical argument out of domain"},
    [34] = {"ERANGE", "Numerical result out of range"},
    [35] = {"EDEADLK", "Resource deadlock avoided"},
    [36] = {"ENAMETOOLONG", "File name too long"},
    [37] = {"ENOLCK", "No locks available"},
    [38] = {"ENOSYS", "Function not implemented"},
    [39] = {"ENOTEMPTY", "Directory not empty"},
    [40] = {"ELOOP", "Too many levels of symbolic links"},
    [42] = {"ENOMSG", "No message of desired type"},
    [43] = {"EIDRM", "Identifier removed"},
    [44] = {"ECHRNG", "Channel number out of range"},
    [45] = {"EL2NSYNC", "Level 2 not synchronized"},
    [46] = {"EL3HLT", "Level 3 halted"},
    [47] = {"EL3RST", "Level 3 reset"},
    [48] = {"ELNRNG", "Link number out of range"},
    [49] = {"EUNATCH", "Protocol driver not attached"},
    [50] = {"ENOCSI", "No CSI structure available"},
    [51] = {"EL2HLT", "Level 2 halted"},
    [52] = {"EBADE", "Invalid exchange"},
    [53] = {"EBADR", "Invalid request descriptor"},
    [54] = {"EXFULL", "Exchange full"},
    [55] = {"ENOANO", "No anode"},
    [56] = {"EBADRQC", "Invalid request code"},
    [57] = {"EBADSLT", "Invalid slot"},
    [59] = {"EBFONT", "Bad font file format"},
    [60] = {"ENOSTR", "Device not a stream"},
    [61] = {"ENODATA", "No data available"},
    [62] = {"ETIME", "Timer expired"},
    [63] = {"ENOSR", "Out of streams resources"},
    [64] = {"ENONET", "Machine is not on the network"},
    [65] = {"ENOPKG", "Package not installed"},
    [66] = {"EREMOTE", "Object is remote"},
    [67] = {"ENOLINK", "Link has been severed"},
    [68] = {"EADV", "Advertise error"},
    [69] = {"ESRMNT", "Srmount error"},
    [70] = {"ECOMM", "Communication error on send"},
    [71] = {"EPROTO", "Protocol error"},
    [72] = {"EMULTIHOP", "Multihop attempted"},
    [73] = {"EDOTDOT", "RFS specific error"},
    [74] = {"EBADMSG", "Bad message"},
    [75] = {"EOVERFLOW", "Value too large for defined data type"},
    [76] = {"ENOTUNIQ", "Name not unique on network"},
    [77] = {"EBADFD", "File descriptor in bad state"},
    [78] = {"EREMCHG", "Remote address changed"},
    [79] = {"ELIBACC", "Can not access a needed shared library"},
    [80] = {"ELIBBAD", "Accessing a corrupted shared library"},
    [81] = {"ELIBSCN", ".lib section in a.out corrupted"},
    [82] = {"ELIBMAX", "Attempting to link in too many shared libraries"},
    [83] = {"ELIBEXEC", "Cannot exec a shared library directly"},
    [84] = {"EILSEQ", "Invalid or incomplete multibyte or wide character"},
    [85] = {"ERESTART", "Interrupted system call should be restarted"},
    [86] = {"ESTRPIPE", "Streams pipe error"},
    [87] = {"EUSERS", "Too many users"},
    [88] = {"ENOTSOCK", "Socket operation on non-socket"},
    [89] = {"EDESTADDRREQ", "Destination address required"},
    [90] = {"EMSGSIZE", "Message too long"},
    [91] = {"EPROTOTYPE", "Protocol wrong type for socket"},
    [92] = {"ENOPROTOOPT", "Protocol not available"},
    [93] = {"EPROTONOSUPPORT", "Protocol not supported"},
    [94] = {"ESOCKTNOSUPPORT", "Socket type not supported"},
    [95] = {"EOPNOTSUPP", "Operation not supported"},
    [96] = {"EPFNOSUPPORT", "Protocol family not supported"},
    [97] = {"EAFNOSUPPORT", "Address family not supported by protocol"},
    [98] = {"EADDRINUSE", "Address already in use"},
    [99] = {"EADDRNOTAVAIL", "Cannot assign requested address"},
    [100] = {"ENETDOWN", "Network is down"},
    [101] = {"ENETUNREACH", "Network is unreachable"},
    [102] = {"ENETRESET", "Network dropped connection on reset"},
    [103] = {"ECONNABORTED", "Software caused connection abort"},
    [104] = {"ECONNRESET", "Connection reset by peer"},
    [105] = {"ENOBUFS", "No buffer space available"},
    [106] = {"EISCONN", "Transport endpoint is already connected"},
    [107] = {"ENOTCONN", "Transport endpoint is not connected"},
    [108] = {"ESHUTDOWN", "Cannot send after transport endpoint shutdown"},
    [109] = {"ETOOMANYREFS", "Too many references: cannot splice"},
    [110] = {"ETIMEDOUT", "Connection timed out"},
    [111] = {"ECONNREFUSED", "Connection refused"},
    [112] = {"EHOSTDOWN", "Host is down"},
    [113] = {"EHOSTUNREACH", "No route to host"},
    [114] = {"EALREADY", "Operation already in progress"},
    [115] = {"EINPROGRESS", "Operation now in progress"},
    [116] = {"ESTALE", "Stale file handle"},
    [117] = {"EUCLEAN", "Structure needs cleaning"},
    [118] = {"ENOTNAM", "Not a XENIX named type file"},
    [119] = {"ENAVAIL", "No XENIX semaphores available"},
    [120] = {"EISNAM", "Is a named type file"},
    [121] = {"EREMOTEIO", "Remote I/O error"},
    [122] = {"EDQUOT", "Disk quota exceeded"},
    [123] = {"ENOMEDIUM", "No medium found"},
    [124] = {"EMEDIUMTYPE", "Wrong medium type"},
    [125] = {"ECANCELED", "Operation canceled"},
    [126] = {"ENOKEY", "Required key not available"},
    [127] = {"EKEYEXPIRED", "Key has expired"},
    [128] = {"EKEYREVOKED", "Key has been revoked"},
    [129] = {"EKEYREJECTED", "Key was rejected by service"},
    [130] = {"EOWNERDEAD", "Owner died"},
    [131] = {"ENOTRECOVERABLE", "State not recoverable"},
    [132] = {"ERFKILL", "Operation not possible due to RF-kill"},
    [133] = {"EHWPOISON", "Memory page has hardware error"},
};

/* The kernel-internal "restart" codes a passed call may come back with (shown " = ? NAME (text)"). */
static const struct errent restarts[5] = {
    {"ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {"ERESTARTNOINTR", "To be restarted"},
    {"ERESTARTNOHAND", "To be restarted if no handler"},
    {"ENOIOCTLCMD", "No ioctl command"},
    {"ERESTART_RESTARTBLOCK", "Interrupted by signal"},
};

/* ---- signals ---- */

static const char *const signames[32] = {
    0, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
    "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
    "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
    "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
};

/* ---- flag sets: {bit(s), name}, ended by a null name ---- */

struct flagent {
    unsigned long bits;
    const char *name;
};

static const struct flagent open_flags[] = {
    {0100, "O_CREAT"}, {0200, "O_EXCL"}, {0400, "O_NOCTTY"}, {01000, "O_TRUNC"}, {02000, "O_APPEND"},
    {04000, "O_NONBLOCK"}, {04010000, "O_SYNC"}, {010000, "O_DSYNC"}, {020000, "O_ASYNC"},
    {040000, "O_DIRECT"}, {0100000, "O_LARGEFILE"}, {020200000, "O_TMPFILE"}, {0200000, "O_DIRECTORY"},
    {0400000, "O_NOFOLLOW"}, {01000000, "O_NOATIME"}, {02000000, "O_CLOEXEC"}, {010000000, "O_PATH"},
    {0, 0},
};

static const struct flagent prot_flags[] = {
    {1, "PROT_READ"}, {2, "PROT_WRITE"}, {4, "PROT_EXEC"}, {8, "PROT_SEM"},
    {0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"}, {0, 0},
};

static const struct flagent map_flags[] = {
    {0x10, "MAP_FIXED"}, {0x20, "MAP_ANONYMOUS"}, {0x100, "MAP_GROWSDOWN"}, {0x800, "MAP_DENYWRITE"},
    {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"}, {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"},
    {0x10000, "MAP_NONBLOCK"}, {0x20000, "MAP_STACK"}, {0x40000, "MAP_HUGETLB"}, {0x80000, "MAP_SYNC"},
    {0x100000, "MAP_FIXED_NOREPLACE"}, {0x4000000, "MAP_UNINITIALIZED"}, {0, 0},
};

static const struct flagent mremap_flags[] = {
    {1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}, {0, 0},
};

static const struct flagent clone_flags[] = {
    {0x100, "CLONE_VM"}, {0x200, "CLONE_FS"}, {0x400, "CLONE_FILES"}, {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_PIDFD"}, {0x2000, "CLONE_PTRACE"}, {0x4000, "CLONE_VFORK"}, {0x8000, "CLONE_PARENT"},
    {0x10000, "CLONE_THREAD"}, {0x20000, "CLONE_NEWNS"}, {0x40000, "CLONE_SYSVSEM"}, {0x80000, "CLONE_SETTLS"},
    {0x100000, "CLONE_PARENT_SETTID"}, {0x200000, "CLONE_CHILD_CLEARTID"}, {0x400000, "CLONE_DETACHED"},
    {0x800000, "CLONE_UNTRACED"}, {0x1000000, "CLONE_CHILD_SETTID"}, {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"}, {0x8000000, "CLONE_NEWIPC"}, {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"}, {0x40000000, "CLONE_NEWNET"}, {0x80000000UL, "CLONE_IO"},
    {0x100000000UL, "CLONE_CLEAR_SIGHAND"}, {0x200000000UL, "CLONE_INTO_CGROUP"}, {0, 0},
};

static const struct flagent at_flags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_EACCESS"}, {0x400, "AT_SYMLINK_FOLLOW"},
    {0x800, "AT_NO_AUTOMOUNT"}, {0x1000, "AT_EMPTY_PATH"}, {0x2000, "AT_STATX_FORCE_SYNC"},
    {0x4000, "AT_STATX_DONT_SYNC"}, {0x8000, "AT_RECURSIVE"}, {0, 0},
};

static const struct flagent unlink_flags[] = {{0x200, "AT_REMOVEDIR"}, {0, 0}};

static const struct flagent access_modes[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}, {0, 0}};

static const struct flagent wait_options[] = {
    {1, "WNOHANG"}, {2, "WUNTRACED"}, {4, "WEXITED"}, {8, "WCONTINUED"}, {0x01000000, "WNOWAIT"},
    {0x20000000, "__WNOTHREAD"}, {0x40000000, "__WALL"}, {0x80000000UL, "__WCLONE"}, {0, 0},
};

static const struct flagent sa_flags[] = {
    {1, "SA_NOCLDSTOP"}, {2, "SA_NOCLDWAIT"}, {4, "SA_SIGINFO"}, {0x400, "SA_UNSUPPORTED"},
    {0x800, "SA_EXPOSE_TAGBITS"}, {0x04000000, "SA_RESTORER"}, {0x08000000, "SA_ONSTACK"},
    {0x10000000, "SA_RESTART"}, {0x40000000, "SA_NODEFER"}, {0x80000000UL, "SA_RESETHAND"}, {0, 0},
};

static const struct flagent grnd_flags[] = {{1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}, {0, 0}};

static const struct flagent sc_rights[] = {{1, "SC_R"}, {2, "SC_W"}, {4, "SC_X"}, {0, 0}};
static const struct flagent sc_flags[] = {{1, "SC_SHARE_ON_FORK"}, {2, "SC_KEEP_ON_EXEC"}, {0, 0}};

/* ---- enumerations: {value, name}, ended by a null name ---- */

static const struct flagent fcntl_cmds[] = {
    {0, "F_DUPFD"}, {1, "F_GETFD"}, {2, "F_SETFD"}, {3, "F_GETFL"}, {4, "F_SETFL"}, {5, "F_GETLK"},
    {6, "F_SETLK"}, {7, "F_SETLKW"}, {8, "F_SETOWN"}, {9, "F_GETOWN"}, {10, "F_SETSIG"}, {11, "F_GETSIG"},
    {15, "F_SETOWN_EX"}, {16, "F_GETOWN_EX"}, {36, "F_OFD_GETLK"}, {37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"},
    {1024, "F_SETLEASE"}, {1025, "F_GETLEASE"}, {1026, "F_NOTIFY"}, {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"}, {1033, "F_ADD_SEALS"}, {1034, "F_GET_SEALS"}, {0, 0},
};

static const struct flagent whences[] = {
    {0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"}, {0, 0},
};

static const struct flagent futex_cmds[] = {
    {0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {2, "FUTEX_FD"}, {3, "FUTEX_REQUEUE"}, {4, "FUTEX_CMP_REQUEUE"},
    {5, "FUTEX_WAKE_OP"}, {6, "FUTEX_LOCK_PI"}, {7, "FUTEX_UNLOCK_PI"}, {8, "FUTEX_TRYLOCK_PI"},
    {9, "FUTEX_WAIT_BITSET"}, {10, "FUTEX_WAKE_BITSET"}, {11, "FUTEX_WAIT_REQUEUE_PI"},
    {12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"}, {0, 0},
};

static const struct flagent clocks[] = {
    {0, "CLOCK_REALTIME"}, {1, "CLOCK_MONOTONIC"}, {2, "CLOCK_PROCESS_CPUTIME_ID"},
    {3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"}, {8, "CLOCK_REALTIME_ALARM"},
    {9, "CLOCK_BOOTTIME_ALARM"}, {11, "CLOCK_TAI"}, {0, 0},
};

static const struct flagent sigmask_hows[] = {{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}, {0, 0}};

static const struct flagent rlimits[] = {
    {0, "RLIMIT_CPU"}, {1, "RLIMIT_FSIZE"}, {2, "RLIMIT_DATA"}, {3, "RLIMIT_STACK"}, {4, "RLIMIT_CORE"},
    {5, "RLIMIT_RSS"}, {6, "RLIMIT_NPROC"}, {7, "RLIMIT_NOFILE"}, {8, "RLIMIT_MEMLOCK"}, {9, "RLIMIT_AS"},
    {10, "RLIMIT_LOCKS"}, {11, "RLIMIT_SIGPENDING"}, {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"},
    {14, "RLIMIT_RTPRIO"}, {15, "RLIMIT_RTTIME"}, {0, 0},
};

static const struct flagent madvices[] = {
    {0, "MADV_NORMAL"}, {1, "MADV_RANDOM"}, {2, "MADV_SEQUENTIAL"}, {3, "MADV_WILLNEED"}, {4, "MADV_DONTNEED"},
    {8, "MADV_FREE"}, {9, "MADV_REMOVE"}, {10, "MADV_DONTFORK"}, {11, "MADV_DOFORK"}, {12, "MADV_MERGEABLE"},
    {13, "MADV_UNMERGEABLE"}, {14, "MADV_HUGEPAGE"}, {15, "MADV_NOHUGEPAGE"}, {16, "MADV_DONTDUMP"},
    {17, "MADV_DODUMP"}, {18, "MADV_WIPEONFORK"}, {19, "MADV_KEEPONFORK"}, {20, "MADV_COLD"}, {21, "MADV_PAGEOUT"},
    {22, "MADV_POPULATE_READ"}, {23, "MADV_POPULATE_WRITE"}, {0, 0},
};

static const struct flagent itimers[] = {{0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}, {0, 0}};

static const struct flagent ioctls[] = {
    {0x5401, "TCGETS"}, {0x5402, "TCSETS"}, {0x5403, "TCSETSW"}, {0x5404, "TCSETSF"}, {0x540B, "TCFLSH"},
    {0x540E, "TIOCSCTTY"}, {0x540F, "TIOCGPGRP"}, {0x5410, "TIOCSPGRP"}, {0x5413, "TIOCGWINSZ"},
    {0x5414, "TIOCSWINSZ"}, {0x541B, "FIONREAD"}, {0x5421, "FIONBIO"}, {0x5450, "FIONCLEX"},
    {0x5451, "FIOCLEX"}, {0x5452, "FIOASYNC"}, {0x80045430UL, "TIOCGPTN"}, {0x40045431UL, "TIOCSPTLCK"},
    {0, 0},
};

#endif
