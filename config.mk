# config.mk: what to build with and where to install.  Edit here, not in
# the Makefile.
VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
SHAREDIR = $(PREFIX)/share/lede

CC = cc
OPTFLAGS = -O2
WARNFLAGS = -Wall -Wextra -Werror -Wno-overlength-strings
PKGS = libpcre2-8 zlib libutf8proc libarchive jansson
# libcsv ships no pkg-config file.
CSVLIBS = -lcsv
