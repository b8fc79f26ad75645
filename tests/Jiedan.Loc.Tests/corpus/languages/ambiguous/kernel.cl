// OpenCL
__kernel void add(__global const float *a, __global float *b) {
  int i = get_global_id(0);
  const float x = a[i]; /* inline */

  b[i] = x;
}
