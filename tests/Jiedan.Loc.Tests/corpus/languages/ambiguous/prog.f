C     Fortran 77
      PROGRAM HELLO
      PRINT *, 'HI'
! another comment

      END
