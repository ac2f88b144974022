/**
 * The platform layer: exact bindings to the host's Linux system calls, and guest paths
 * confined to the guest root.
 *
 * <ul>
 * <li>{@link org.subcons.host.Host}: glibc calls through the FFM API. Each returns the call's
 *     result or {@code -errno}, never an exception for an OS error, so the guest kernel can hand
 *     results straight back to the guest. Byte arrays are copied through per-thread off-heap
 *     scratch memory ({@code Native}), so blocking calls are safe.</li>
 * <li>{@link org.subcons.host.RootFs}: path operations with chroot semantics inside the
 *     {@code --root} directory, resolved by the kernel (openat2 RESOLVE_IN_ROOT /
 *     RESOLVE_BENEATH, never the magic links of /proc).</li>
 * <li>{@link org.subcons.host.Linux}, {@link org.subcons.host.Errno},
 *     {@link org.subcons.host.Statx}: ABI constants and struct readers.</li>
 * </ul>
 *
 * <p>Raw structs (statx, linux_dirent64, statfs, termios, winsize, utsname, timespec, pollfd,
 * flock) and all constants here have the same layout and values on x86_64 and riscv64, which
 * both follow asm-generic; the guest kernel copies them unchanged. (struct stat does differ, and
 * is not used: the guest kernel builds its struct stat from statx.)
 *
 * <p>Limits: x86_64 Linux hosts only, Linux 5.8 or later (openat2, faccessat2, AT_EMPTY_PATH
 * for utimensat), with /proc mounted (RootFs reads /proc/self/fd for guest paths and uses its
 * links for chmod and link of a looked-up object). Strings are byte strings: one char per byte
 * (ISO-8859-1). A walk from a directory other than the root that climbs above that directory
 * is redone from the root by the directory's path, so it fails with ENAMETOOLONG when the two
 * together reach PATH_MAX, and may miss if the directory is renamed meanwhile.
 */
package org.subcons.host;
