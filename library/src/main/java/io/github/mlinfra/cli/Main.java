package io.github.mlinfra.cli;
public final class Main { private Main() {} public static void main(String[] a) {} }
